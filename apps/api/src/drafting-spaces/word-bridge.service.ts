import { compare, type Comparison, outline, type OutlineBlock } from '@concord/compare';
import { decide, type Language, pickLocalized, spaceDocument } from '@concord/domain';
import { comparisonToDocx, ImportError, ImportErrorCode, planWordUpload, threeWay, type WordAppliedView, type WordChangeView, type WordDocument, WordMismatchError, type WordPlan, type WordPreviewView } from '@concord/export';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Fragment, type Node } from 'prosemirror-model';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { CommentsService } from '../comments/comments.service';
import { commentsFromThreads } from '../revisions/comparison-docx.service';
import { assertAllowed } from '../common/policy';
import { CommitteesRepository } from '../committees/committees.repository';
import { CompileContext } from '../compilation/compile-context';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import { DocxImporter } from '../instruments/docx-importer';
import { InstrumentsService } from '../instruments/instruments.service';
import type { DraftingSpace } from './drafting-space.entity';
import { DraftingSpacesService, spaceOwners, spaceReaders, spaceResource } from './drafting-spaces.service';
import { applyEdits, liveBlock, textblockOf } from './word-yjs';

/** An uploaded file, as multer hands it over. */
export interface UploadedWord {
  readonly buffer: Buffer;
  readonly size: number;
}

export type { WordChangeView } from '@concord/export';
/** What Concord understood of an uploaded Word file. */
export type WordPreview = WordPreviewView;
/** What applying did. */
export type WordApplied = WordAppliedView;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The Word bridge of a drafting space: the space as a Word file to edit offline (its changes against the base as
 * tracked changes, hidden ids and the downloaded text recorded), and Word files taken back in: read in a worker
 * under the import's limits, placed on the space's blocks, previewed, then applied as one server-side change to
 * the live document that merges with what members typed meanwhile.
 */
@Injectable()
export class WordBridgeService {
  constructor(
    private readonly spaces: DraftingSpacesService,
    private readonly documents: LiveDocuments,
    private readonly docx: DocxImporter,
    private readonly instruments: InstrumentsService,
    private readonly comments: CommentsService,
    private readonly committees: CommitteesRepository,
    private readonly context: CompileContext,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async download(user: AuthContext, spaceId: string): Promise<{ filename: string; contentType: string; body: Buffer }> {
    const space = await this.readable(user, spaceId);
    const language = space.language as Language;
    const base = await this.documents.start(spaceDocument(space.id));
    const live = await this.documents.read(spaceDocument(space.id));
    const comparison = await this.inWholeText(space, base, live);
    const owner = await this.delegationName(space, language);
    const committee = await this.committees.findById(space.committeeId);
    const now = new Date();
    const body = await comparisonToDocx({
      symbol: space.title,
      date: now.toISOString().slice(0, 10),
      distribution: 'Limited',
      originalLanguage: language,
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      title: space.title,
      comparison,
      author: () => owner,
      changeDate: now.toISOString(),
      instrumentId: space.instrumentId,
      comments: commentsFromThreads(await this.comments.list(user, { targetKind: 'document', targetId: spaceDocument(space.id) }), comparison),
      roundTrip: { space: space.id },
    });
    return { filename: `${space.title.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60) || 'drafting-space'}_${language}.docx`, contentType: DOCX, body: Buffer.from(body) };
  }

  /** What the file would change, against the live text as it is now; nothing is written. */
  async preview(user: AuthContext, spaceId: string, file: UploadedWord | undefined): Promise<WordPreview> {
    const space = await this.writable(user, spaceId);
    const { plan, digest } = await this.plan(space, file);
    const live = outline(await this.documents.read(spaceDocument(space.id)), space.language as Language);
    // Keys are stable ids, the same whether the space's articles are numbered alone or in the whole text.
    const changes = plan.intents.map((intent): WordChangeView => {
      const block = live.blockByKey.get(intent.key);
      if (!block) return { ...intent, edits: 0, conflicts: [{ before: intent.before, word: intent.after, live: '' }] };
      const merged = threeWay(intent.before, intent.after, block.text, space.language as Language);
      return { ...intent, edits: merged.edits.length, conflicts: merged.conflicts };
    });
    return { digest, roundTrip: plan.roundTrip, tracked: plan.tracked, paragraphs: plan.paragraphs, matched: plan.matched, changes, unplaced: plan.unplaced };
  }

  /** Applies the previewed file (the same bytes, checked by digest) as one change to the live space. */
  async apply(user: AuthContext, spaceId: string, file: UploadedWord | undefined, digest: string): Promise<WordApplied> {
    const space = await this.writable(user, spaceId);
    const { plan, digest: actual } = await this.plan(space, file);
    if (actual !== digest) throw new AppException('validation-failed', 'This is not the file that was previewed: preview it again before applying it.');
    const language = space.language as Language;
    const document = spaceDocument(space.id);
    const changes = await this.documents.change(document, (live) => {
      const fragment = live.fragment;
      const made: WordChangeView[] = [];
      for (const intent of plan.intents) {
        const element = textblockOf(fragment, intent.key);
        if (!element) {
          made.push({ ...intent, edits: 0, conflicts: [{ before: intent.before, word: intent.after, live: '' }] });
          continue;
        }
        const block = liveBlock(element);
        const merged = threeWay(intent.before, intent.after, block.text, language);
        const refused = applyEdits(block, merged.edits);
        const conflicts = [...merged.conflicts, ...refused.map((edit) => ({ before: block.text.slice(edit.from, edit.to), word: edit.insert, live: block.text.slice(edit.from, edit.to) }))];
        made.push({ ...intent, edits: merged.edits.length - refused.length, conflicts });
      }
      return made;
    });
    const applied = changes.reduce((sum, change) => sum + change.edits, 0);
    // The audit log is read by the secretariat, which must not see a delegation's draft: ids and counts only.
    await this.uow.run((manager) =>
      this.audit.record(manager, {
        actorId: user.user.id,
        action: 'drafting-space.word-apply',
        entityType: 'drafting_space',
        entityId: space.id,
        after: { digest, blocks: changes.filter((c) => c.edits > 0).map((c) => c.key), edits: applied, conflicts: changes.reduce((n, c) => n + c.conflicts.length, 0), unplaced: plan.unplaced.length },
      }),
    );
    return { digest, roundTrip: plan.roundTrip, tracked: plan.tracked, paragraphs: plan.paragraphs, matched: plan.matched, changes, unplaced: plan.unplaced, applied };
  }

  private async plan(space: DraftingSpace, file: UploadedWord | undefined): Promise<{ plan: WordPlan; digest: string }> {
    if (!file || file.size === 0) throw new AppException('validation-failed', 'Attach the Word file (DOCX) as the form field "file".');
    let word: WordDocument;
    try {
      word = await this.docx.readWord(file.buffer);
    } catch (error) {
      if (error instanceof ImportError) throw new AppException(error.code === ImportErrorCode.TooLarge ? 'payload-too-large' : 'import-failed', error.message);
      throw error;
    }
    const language = space.language as Language;
    try {
      const plan = planWordUpload(word, { spaceId: space.id, instrumentId: space.instrumentId, blocks: await this.baseBlocks(space), language });
      return { plan, digest: createHash('sha256').update(file.buffer).digest('hex') };
    } catch (error) {
      if (error instanceof WordMismatchError) throw new AppException('import-failed', error.message);
      throw error;
    }
  }

  /**
   * The blocks of the space's base text numbered as in the whole instrument ("Article 3", not the first article
   * of the space), limited to the space's articles.
   */
  private async baseBlocks(space: DraftingSpace): Promise<readonly OutlineBlock[]> {
    const whole = (await this.instruments.baseDocument(space.instrumentId, space.language as Language)).doc;
    const blocks = outline(whole, space.language as Language).blocks;
    if (space.provisionIds.length === 0) return blocks;
    const mine = new Set(space.provisionIds);
    return blocks.filter((block) => block.provisions.some((id) => mine.has(id)));
  }

  /** The space compared with its base, numbered as in the whole instrument: its articles put in the whole text, the rest left out. */
  private async inWholeText(space: DraftingSpace, base: Node, live: Node): Promise<Comparison> {
    const language = space.language as Language;
    if (space.provisionIds.length === 0) return compare(base, live, { language });
    const whole = (await this.instruments.baseDocument(space.instrumentId, language)).doc;
    const drafted = new Map<string, Node>();
    live.forEach((node) => {
      if (node.type.name === 'article') drafted.set(String(node.attrs['id']), node);
    });
    const merged = replaceArticles(whole, drafted);
    const mine = new Set(space.provisionIds);
    const full = compare(whole, merged, { language });
    const inSpace = (ids: readonly (string | null)[]) => ids.some((id) => id !== null && mine.has(id));
    const chain = new Map(outline(merged, language).blocks.map((block) => [block.key, block.provisions]));
    const blocks = full.blocks.filter((block) => inSpace(chain.get(block.key) ?? [block.provisionId]));
    return { ...full, blocks, concordance: full.concordance.filter((row) => blocks.some((block) => block.provisionId === row.id || block.key.startsWith(`${row.id}#`))) };
  }

  private async delegationName(space: DraftingSpace, language: Language): Promise<string> {
    const directory = await this.context.directory(space.committeeId);
    const delegation = directory.byId.get(space.ownerDelegationId);
    return delegation ? (pickLocalized(delegation.names, language, ['en']) ?? delegation.code) : space.ownerDelegationId;
  }

  /** The space, or 404 when it does not exist or the caller may not read it. */
  private async readable(user: AuthContext, spaceId: string): Promise<DraftingSpace> {
    const space = await this.spaces.find(spaceId);
    if (!space || !decide(user.subject, 'read', spaceResource(space, spaceReaders(space))).allowed) {
      throw new AppException('drafting-space-not-found', `No drafting space ${spaceId}.`);
    }
    return space;
  }

  /** The space, if the caller may write it: readers who may not (invited co-sponsors) get 403, everyone else 404. */
  private async writable(user: AuthContext, spaceId: string): Promise<DraftingSpace> {
    const space = await this.readable(user, spaceId);
    assertAllowed(decide(user.subject, 'edit-draft', spaceResource(space, spaceOwners(space))));
    return space;
  }
}

/** `doc` with the articles of `drafted` (by id) in place of its own. */
function replaceArticles(doc: Node, drafted: ReadonlyMap<string, Node>): Node {
  const children: Node[] = [];
  doc.forEach((child) => {
    if (child.type.name === 'article') children.push(drafted.get(String(child.attrs['id'])) ?? child);
    else if (child.type.name === 'chapter') children.push(replaceArticles(child, drafted));
    else children.push(child);
  });
  return doc.copy(Fragment.fromArray(children));
}
