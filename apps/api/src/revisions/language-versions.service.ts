import { wordEdits } from '@concord/compile';
import { consolidatedDocument, type Language } from '@concord/domain';
import { bringFromOriginal, findNodeById, numberDocument, type NumberLabel, ownSegments, ownText, provisionsHolding, type StaleNodeView, translateOwnText, TranslationError } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import { Fragment, Slice, type Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import { InstrumentsService } from '../instruments/instruments.service';
import { ownTextHashes } from './own-text';
import { RevisionsRepository } from './revisions.repository';
import { TranslationSource } from './translation-source.entity';

/** A node of a translation that does not render the original's current words. */
export type StaleNode = StaleNodeView;

/** The numbers of the nodes from the outermost down to `nodeId` (nodes without a number are left out). */
function placeOf(doc: Node, labels: ReadonlyMap<string, NumberLabel>, nodeId: string): NumberLabel[] {
  const place: NumberLabel[] = [];
  const visit = (node: Node, path: readonly NumberLabel[]): boolean => {
    const id = node.attrs['id'];
    const label = typeof id === 'string' ? labels.get(id) : undefined;
    const here = label && label.label !== '' ? [...path, label] : path;
    if (id === nodeId) {
      place.push(...here);
      return true;
    }
    if (node.isTextblock) return false;
    let found = false;
    node.forEach((child) => {
      if (!found) found = visit(child, here);
    });
    return found;
  };
  visit(doc, []);
  return place;
}

/** The word changes that turn `before` into `after`, with the words themselves. */
function changesBetween(before: string | null, after: string): StaleNode['changes'] {
  if (before === null) return [];
  return wordEdits(before, after).map((e) => ({ from: e.from, to: e.to, deleted: before.slice(e.from, e.to), inserted: after.slice(e.newFrom, e.newTo) }));
}

/**
 * Language versions of a consolidated draft, aligned to the original by node id. A translator confirms that a
 * node renders the original's current words; the original's later changes make it stale until confirmed again.
 */
@Injectable()
export class LanguageVersionsService {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly documents: LiveDocuments,
    private readonly repository: RevisionsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** The live consolidated draft in a language (the text it starts from until anyone opened it). */
  live(instrumentId: string, language: Language): Promise<Node> {
    return this.documents.read(consolidatedDocument(instrumentId, language));
  }

  /** Starts a language version as a copy of the original's current text, every node to be translated. */
  async create(user: AuthContext, instrumentId: string, language: Language): Promise<{ language: Language; stale: number }> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    if (language === instrument.originalLanguage) throw new AppException('language-exists', 'That is the original language.');
    const original = await this.live(instrumentId, instrument.originalLanguage);
    await this.instruments.addLanguageVersion(user, instrumentId, language, original);
    // The same count as the stale queue's: structure without words of its own has nothing to translate.
    return { language, stale: (await this.staleNodes(instrumentId, instrument.originalLanguage, language)).length };
  }

  async stale(user: AuthContext, instrumentId: string, language: Language): Promise<StaleNode[]> {
    const instrument = await this.instruments.get(user, instrumentId, 'read');
    return this.staleNodes(instrumentId, instrument.originalLanguage, language);
  }

  /** Stale nodes of a language version against the original's live text; none for the original itself. */
  async staleNodes(instrumentId: string, originalLanguage: Language, language: Language): Promise<StaleNode[]> {
    if (language === originalLanguage) return [];
    const [original, translation, sources] = await Promise.all([
      this.live(instrumentId, originalLanguage),
      this.live(instrumentId, language),
      this.repository.translationSources(instrumentId, language),
    ]);
    const confirmed = new Map(sources.map((s) => [s.nodeId, s]));
    const labels = numberDocument(original, originalLanguage);
    const stale: StaleNode[] = [];
    for (const [nodeId, hash] of ownTextHashes(original)) {
      const source = findNodeById(original, nodeId)?.node;
      if (!source) continue;
      const segments = ownSegments(source);
      // Structure without words of its own (an option group, a chapter without a heading) has nothing to translate.
      if (segments.length === 0 && ownText(source) === '') continue;
      const translated = findNodeById(translation, nodeId)?.node ?? null;
      const row = confirmed.get(nodeId);
      const reason = !translated ? 'missing' : !row ? 'unconfirmed' : row.sourceHash !== hash ? 'changed' : null;
      if (!reason) continue;
      const current = ownText(source);
      const translatedRuns = translated ? ownSegments(translated) : null;
      stale.push({
        nodeId,
        reason,
        original: current,
        translation: translated ? ownText(translated) : null,
        nodeType: source.type.name,
        place: placeOf(original, labels, nodeId),
        translatedFrom: row?.sourceText ?? null,
        changes: changesBetween(row?.sourceText ?? null, current),
        segments,
        translatedSegments: translatedRuns && translatedRuns.length === segments.length ? translatedRuns.map((r) => r.text) : null,
      });
    }
    return stale;
  }

  /** Records that the given nodes of a translation render the original's current words. */
  async confirm(user: AuthContext, instrumentId: string, language: Language, requested: readonly string[]): Promise<{ confirmed: number; stale: number }> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    if (language === instrument.originalLanguage) throw new AppException('validation-failed', 'The original language has nothing to confirm.');
    const original = await this.live(instrumentId, instrument.originalLanguage);
    const hashes = ownTextHashes(original);
    const translation = await this.live(instrumentId, language);
    // A repeated id is confirmed once (a second row for it would collide with the first).
    const nodeIds = [...new Set(requested)];
    const unknown = nodeIds.filter((id) => !hashes.has(id) || !findNodeById(translation, id));
    if (unknown.length) throw new AppException('provision-not-found', `Not in both the original and the ${language} version: ${unknown.join(', ')}.`);
    for (const id of nodeIds) assertTranslatable(findNodeById(original, id)?.node ?? null);
    const now = new Date();
    await this.uow.run(async (manager) => {
      await this.repository.saveTranslationSources(
        nodeIds.map((nodeId) => Object.assign(new TranslationSource(), {
            instrumentId,
            language,
            nodeId,
            sourceHash: hashes.get(nodeId) ?? '',
            sourceText: ownTextOf(original, nodeId),
            confirmedBy: user.user.id,
            confirmedAt: now,
          })),
        manager,
      );
      await this.audit.record(manager, { actorId: user.user.id, action: 'translation.confirm', entityType: 'instrument', entityId: instrumentId, after: { language, nodeIds } });
    });
    return { confirmed: nodeIds.length, stale: (await this.staleNodes(instrumentId, instrument.originalLanguage, language)).length };
  }

  /**
   * Translates the own words of one node of a language version run by run (see `ownSegments`): each run keeps the
   * original's brackets, and its provenance becomes a `translation` that keeps whom the words come from. The
   * translation is recorded as rendering the original's current words, which are kept to show later changes. A
   * node the language version lacks is first brought from the original to the corresponding place (see
   * `bringFromOriginal`); what came with it stays in the stale queue, to be translated.
   */
  async translate(user: AuthContext, instrumentId: string, language: Language, nodeId: string, texts: readonly string[]): Promise<{ nodeId: string; stale: number }> {
    const instrument = await this.instruments.get(user, instrumentId, 'edit-consolidated');
    if (language === instrument.originalLanguage) throw new AppException('validation-failed', 'The original is not a translation: choose another language to translate into.');
    if (!(instrument.languages ?? []).includes(language)) throw new AppException('language-not-available', `There is no ${language} version yet: add it under Language versions first.`);
    const original = await this.live(instrumentId, instrument.originalLanguage);
    const source = findNodeById(original, nodeId)?.node;
    if (!source) throw new AppException('provision-not-found', 'That provision is no longer in the original; reload the stale queue.');
    assertTranslatable(source);
    const document = consolidatedDocument(instrumentId, language);
    // A language version renders the original, so an agreed provision must still reach every language: the
    // translation may change the provisions holding the translated node whatever their status, and nothing else
    // (the same ids as the original's, which also hold a provision brought into the version). Clients' own edits
    // to agreed text stay refused in every language (collaboration/agreed-guard.ts).
    const holding = provisionsHolding(original, nodeId);
    const result = await this.documents.change(
      document,
      (edit): 'done' | 'missing' | TranslationError | { readonly unplaceable: string } => {
        let live: Node;
        try {
          // A provision the language version lacks is brought from the original to its corresponding place (with
          // its container when that is missing too, the rest of it in the original's words, to be translated).
          live = bringFromOriginal(original, edit.text(), nodeId);
        } catch (error) {
          if (!(error instanceof TranslationError)) throw error;
          return { unplaceable: error.message };
        }
        try {
          const target = findNodeById(live, nodeId);
          if (!target) return 'missing';
          const translated = translateOwnText(source, target.node, texts, user.user.id);
          edit.replace(live.replace(target.pos, target.pos + target.node.nodeSize, new Slice(Fragment.from(translated), 0, 0)));
          return 'done';
        } catch (error) {
          if (!(error instanceof TranslationError)) throw error;
          return error;
        }
      },
      { exempt: holding },
    );
    if (result === 'missing') throw new AppException('provision-not-found', 'That provision is no longer in the original; reload the stale queue.');
    if (typeof result === 'object' && 'unplaceable' in result) throw new AppException('validation-failed', result.unplaceable);
    if (result instanceof TranslationError) throw new AppException('translation-mismatch', `${result.message} Give one translation per run of the original's words.`);
    await this.uow.run(async (manager) => {
      await this.repository.saveTranslationSources(
        [
          Object.assign(new TranslationSource(), {
            instrumentId,
            language,
            nodeId,
            sourceHash: ownTextHashes(original).get(nodeId) ?? '',
            sourceText: ownText(source),
            confirmedBy: user.user.id,
            confirmedAt: new Date(),
          }),
        ],
        manager,
      );
      await this.audit.record(manager, { actorId: user.user.id, action: 'translation.translate', entityType: 'instrument', entityId: instrumentId, after: { language, nodeId } });
    });
    return { nodeId, stale: (await this.staleNodes(instrumentId, instrument.originalLanguage, language)).length };
  }
}

/**
 * Refuses a node the stale queue never lists, so that nothing is translated or confirmed that a translator cannot
 * see: a footnote, whose words are runs of the provision it stands in, and structure without words of its own
 * (an option group, an option), which has nothing to translate or to record.
 */
function assertTranslatable(node: Node | null): void {
  if (!node) return;
  if (node.type.name === 'footnote') {
    throw new AppException('validation-failed', 'A footnote is translated with the provision it stands in: choose that provision in the stale queue and translate the note’s runs there.');
  }
  if (ownSegments(node).length === 0 && ownText(node) === '') {
    throw new AppException('validation-failed', 'That node has no words of its own to translate (an option group or an option is translated through its paragraphs): choose one of them in the stale queue.');
  }
}

function ownTextOf(doc: Node, nodeId: string): string | null {
  const node = findNodeById(doc, nodeId)?.node;
  return node ? ownText(node) : null;
}
