import { consolidatedDocument, isLanguage, isProvisionStatus, type Language } from '@concord/domain';
import { articleNumbers, docFromYFragment, formatArticleNumber, frozenNumberToString, numberDocument, parseFrozenNumber, referenceLabels, sequentialNumbers, treatyFragment } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import { CommentsService } from '../comments/comments.service';
import { CompilationRepository } from '../compilation/compilation.repository';
import { InstrumentsService } from '../instruments/instruments.service';
import { NumberingRepository } from './numbering.repository';
import { type ConcordanceEntry, Renumbering } from './renumbering.entity';
import type { ArticleNumberView, ConsultationItem, RenumberingView } from '@concord/domain';
export type { ArticleNumberView, ConcordanceLine, ConsultationItem, RenumberingView } from '@concord/domain';

/** The y-prosemirror attribute key of the `xref` mark (a mark that does not overlap itself is stored by name). */
const XREF = 'xref';

/**
 * Article numbers of consolidated drafts: frozen while the committee negotiates (an inserted article is "bis",
 * "ter" … after its predecessor), and renumbered by order only when the secretariat decides, which records a
 * concordance and rewrites every cross-reference (`xref`) to its provision's new number in every language.
 */
@Injectable()
export class NumberingService {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly documents: LiveDocuments,
    private readonly repository: NumberingRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly proposals: CompilationRepository,
    private readonly comments: CommentsService,
  ) {}

  /**
   * What the Chair follows in informal consultations: every article with its number, status, and how many
   * proposals and open comment threads bear on it. For those who may set provision status (Chair, secretariat).
   */
  async consultations(user: AuthContext, instrumentId: string, language: Language): Promise<{ items: ConsultationItem[] }> {
    await this.instruments.authorize(user, instrumentId, 'set-provision-status');
    const live = await this.live(instrumentId, language);
    const labels = numberDocument(live, language);
    const received = await this.proposals.proposalsFor(instrumentId, language, ['submitted', 'incorporated', 'partially-incorporated', 'presented-as-option', 'not-retained']);
    const threads = await this.comments.list(user, { targetKind: 'document', targetId: consolidatedDocument(instrumentId, language) });
    const items: ConsultationItem[] = [];
    live.descendants((node) => {
      if (node.type.name !== 'article') return node.type.name === 'doc' || node.type.name === 'chapter';
      const id = node.attrs['id'];
      if (typeof id !== 'string') return false;
      const heading = node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
      items.push({
        provisionId: id,
        label: labels.get(id)?.label ?? '',
        heading,
        status: isProvisionStatus(node.attrs['status']) ? node.attrs['status'] : 'open',
        proposals: received.filter((p) => p.provisionIds.includes(id)).length,
        comments: threads.filter((t) => !t.resolved && t.article?.id === id).length,
      });
      return false;
    });
    return { items };
  }

  async numbers(user: AuthContext, instrumentId: string, language: Language): Promise<{ language: Language; items: ArticleNumberView[] }> {
    await this.instruments.authorize(user, instrumentId, 'read');
    const live = await this.live(instrumentId, language);
    const numbers = articleNumbers(live);
    const labels = numberDocument(live, language);
    const items: ArticleNumberView[] = [];
    live.descendants((node) => {
      if (node.type.name !== 'article') return node.type.name === 'doc' || node.type.name === 'chapter';
      const id = node.attrs['id'] as string | null;
      const number = id ? numbers.get(id) : undefined;
      if (id && number) {
        items.push({ provisionId: id, number: frozenNumberToString(number), label: labels.get(id)?.label ?? '', frozen: parseFrozenNumber(node.attrs['number']) !== null });
      }
      return false;
    });
    return { language, items };
  }

  /**
   * Numbers every article by order in every language version of the live draft, rewrites the cross-references to
   * the new numbers, and records the concordance. Renumbering changes numbers only, so it may touch agreed
   * provisions (their number, and the words of a reference in them).
   */
  async renumber(user: AuthContext, instrumentId: string): Promise<RenumberingView> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    const original = isLanguage(instrument.originalLanguage) ? instrument.originalLanguage : 'en';
    const languages = instrument.languages.length > 0 ? instrument.languages : [original];
    const reference = await this.live(instrumentId, languages.includes(original) ? original : languages[0]);
    const before = articleNumbers(reference);
    const after = sequentialNumbers(reference);
    const entries: ConcordanceEntry[] = [...after].map(([provisionId, to]) => ({ provisionId, from: frozenNumberToString(before.get(provisionId) ?? { base: 0, rank: 0 }), to }));
    const unchanged = entries.every((e) => e.from === e.to) && (await this.allFrozen(instrumentId, languages));
    if (unchanged) {
      throw new AppException('renumbering-unchanged', 'Every article already carries the number of its place in the text; there is nothing to renumber.');
    }
    for (const language of languages) {
      const document = consolidatedDocument(instrumentId, language);
      const ids = provisionIds(await this.live(instrumentId, language));
      await this.documents.change(document, (live) => renumberDocument(live.doc, after, language), { exempt: ids });
    }
    const row = Object.assign(new Renumbering(), { id: randomUUID(), instrumentId, committeeId: instrument.committeeId, actorId: user.user.id, at: new Date(), entries: JSON.stringify(entries) });
    await this.uow.run(async (manager) => {
      await this.repository.insert(row, manager);
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'instrument.renumber',
        entityType: 'instrument',
        entityId: instrumentId,
        after: { renumbering: row.id, changed: entries.filter((e) => e.from !== e.to).map((e) => `${e.provisionId}: ${e.from} -> ${e.to}`) },
      });
    });
    return this.view(row, original);
  }

  async renumberings(user: AuthContext, instrumentId: string, language: Language): Promise<{ items: RenumberingView[] }> {
    await this.instruments.authorize(user, instrumentId, 'read');
    return { items: (await this.repository.list(instrumentId)).map((row) => this.view(row, language)) };
  }

  private view(row: Renumbering, language: Language): RenumberingView {
    const entries = JSON.parse(row.entries) as ConcordanceEntry[];
    const label = (value: string): string => {
      const parsed = parseFrozenNumber(value);
      return parsed ? formatArticleNumber(parsed, language) : '';
    };
    return {
      id: row.id,
      instrumentId: row.instrumentId,
      actorId: row.actorId,
      at: row.at.toISOString(),
      entries: entries.map((e) => ({ ...e, fromLabel: label(e.from), toLabel: label(e.to), changed: e.from !== e.to })),
    };
  }

  private async allFrozen(instrumentId: string, languages: readonly Language[]): Promise<boolean> {
    for (const language of languages) {
      const live = await this.live(instrumentId, language);
      let frozen = true;
      live.descendants((node) => {
        if (node.type.name === 'article') {
          if (parseFrozenNumber(node.attrs['number']) === null) frozen = false;
          return false;
        }
        return true;
      });
      if (!frozen) return false;
    }
    return true;
  }

  private async live(instrumentId: string, language: Language): Promise<Node> {
    return this.documents.read(consolidatedDocument(instrumentId, language));
  }
}

function provisionIds(doc: Node): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    const id: unknown = node.attrs['id'];
    if ((node.type.name === 'article' || node.type.name === 'paragraph') && typeof id === 'string') ids.push(id);
    return true;
  });
  return ids;
}

function elements(parent: Y.XmlFragment | Y.XmlElement, visit: (element: Y.XmlElement) => void): void {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    visit(child);
    elements(child, visit);
  }
}

function texts(parent: Y.XmlFragment | Y.XmlElement, visit: (text: Y.XmlText) => void): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) visit(child);
    else if (child instanceof Y.XmlElement) texts(child, visit);
  }
}

/**
 * Gives every article of a live document its new number, then rewrites the words of every cross-reference to the
 * number (and paragraph) of the provision it points at, in the document's language.
 */
export function renumberDocument(ydoc: Y.Doc, numbers: ReadonlyMap<string, string>, language: Language): void {
  const fragment = treatyFragment(ydoc);
  ydoc.transact(() => {
    elements(fragment, (element) => {
      if (element.nodeName !== 'article') return;
      const id = element.getAttribute('id');
      const number = typeof id === 'string' ? numbers.get(id) : undefined;
      if (number && element.getAttribute('number') !== number) element.setAttribute('number', number);
    });
  });
  const references = referenceLabels(docFromYFragment(fragment), language);
  ydoc.transact(() => {
    texts(fragment, (text) => {
      let index = 0;
      const runs: Array<{ index: number; length: number; words: string; attributes: Record<string, unknown> }> = [];
      for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1;
        const mark = op.attributes?.[XREF] as { target?: unknown } | undefined;
        const target = typeof mark?.target === 'string' ? mark.target : null;
        const words = target ? references.get(target) : undefined;
        if (words !== undefined && words !== op.insert && op.attributes) runs.push({ index, length, words, attributes: op.attributes });
        index += length;
      }
      // From the end, so that earlier indexes stay valid.
      for (const run of runs.reverse()) {
        text.delete(run.index, run.length);
        text.insert(run.index, run.words, run.attributes);
      }
    });
  });
}
