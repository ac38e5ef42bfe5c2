import { compare } from '@concord/compare';
import { decide, pickLocalized, type CommentsMatrixEntry, type FollowedRemarkView, type Language, type WrittenCommentView } from '@concord/domain';
import {
  COMMENTS_CAPTIONS,
  commentsCompilationToDocx,
  commentsCompilationToHtml,
  commentsMatrixToCsv,
  commentsMatrixToXlsx,
  type CommentProvisionInput,
  type CommentsMatrixRow,
} from '@concord/export';
import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app.exception';
import type { Download } from '../revisions/exports.service';
import { canReadComment, periodResource, type ReaderSubject } from './comment-access';
import type { CommentPeriod } from './comment-period.entity';
import { CommentPeriodsRepository } from './comment-periods.repository';
import { CommentPeriodsService } from './comment-periods.service';
import { CommentTextsService } from './comment-texts.service';
import type { CommentsCompilationQueryDto, MatrixQueryDto } from './dto/comment-period.dto';
import { provisionIndex, revisionDoc } from './provision-index';
import { WrittenCommentsService } from './written-comments.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** A published comment for the Atom feed. */
export interface PublishedCommentEntry {
  readonly id: string;
  readonly periodId: string;
  readonly title: string;
  readonly summary: string;
  readonly updated: string;
}

/**
 * What the secretariat issues from a comment period: the comments matrix (JSON for the web app, CSV, XLSX), the
 * compilation of comments received (HTML, DOCX); and comments followed onto later revisions by stable id and the
 * concordance.
 */
@Injectable()
export class CommentOutputsService {
  constructor(
    private readonly repository: CommentPeriodsRepository,
    private readonly periods: CommentPeriodsService,
    private readonly comments: WrittenCommentsService,
    private readonly texts: CommentTextsService,
  ) {}

  /** The current (not superseded) submitted comments of a period that the reader may read, with their views. */
  private async current(subject: ReaderSubject, period: CommentPeriod, language: Language): Promise<WrittenCommentView[]> {
    const rows = (await this.repository.commentsOfPeriods([period.id])).filter((c) => c.status === 'submitted' && canReadComment(subject, c, period));
    return this.comments.views(subject, new Map([[period.id, period]]), rows, language);
  }

  async matrix(subject: ReaderSubject, periodId: string, query: MatrixQueryDto): Promise<{ items: CommentsMatrixEntry[] } | Download> {
    const period = await this.periods.readable(subject, periodId);
    const language = query.lang ?? 'en';
    const text = await this.texts.find(period.targetKind, period.targetId);
    const index = text?.provisions(language) ?? new Map();
    const generalLabel = COMMENTS_CAPTIONS[language].general;
    const entries = (await this.current(subject, period, language))
      .flatMap((c) =>
        c.remarks.map(
          (r): CommentsMatrixEntry => ({
            remarkId: r.id,
            commentId: c.id,
            number: r.number,
            provisionId: r.provisionId,
            provisionLabel: r.provisionId ? (index.get(r.provisionId)?.label ?? r.provisionLabel ?? r.provisionId) : generalLabel,
            delegationId: c.delegationId,
            commenter: c.delegationName,
            language: c.language,
            late: c.late,
            comment: r.body,
            proposedWording: r.proposedWording,
            disposition: r.disposition,
            dispositionHistory: r.dispositionHistory,
          }),
        ),
      )
      .filter((e) => !query.commenter || e.delegationId === query.commenter)
      .filter((e) => !query.provision || (query.provision === 'general' ? e.provisionId === null : e.provisionId === query.provision))
      .filter((e) => !query.disposition || (query.disposition === 'none' ? e.disposition === null : e.disposition?.disposition === query.disposition))
      .sort((a, b) => order(a.provisionId, index) - order(b.provisionId, index) || compareNumbers(a.number, b.number));
    const format = query.format ?? 'json';
    if (format === 'json') return { items: entries };
    const captions = COMMENTS_CAPTIONS[language];
    const rows: CommentsMatrixRow[] = entries.map((e) => ({
      number: e.number,
      provision: e.provisionLabel,
      commenter: e.commenter,
      language: e.language,
      late: e.late,
      comment: e.comment,
      proposedWording: e.proposedWording ?? '',
      disposition: e.disposition ? captions.dispositions[e.disposition.disposition] : '',
      response: e.disposition?.response ?? '',
      addressedIn: e.disposition ? addressedIn(e.disposition.addressedRevisionSymbol, e.disposition.addressedProvisionLabel) : '',
      period: period.title,
    }));
    const base = `comments-matrix_${safeName(text?.label ?? period.id)}_${language}`;
    if (format === 'csv') return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(commentsMatrixToCsv(rows, language), 'utf8') };
    return { filename: `${base}.xlsx`, contentType: XLSX, body: Buffer.from(await commentsMatrixToXlsx(rows, language)) };
  }

  async compilation(subject: ReaderSubject, periodId: string, query: CommentsCompilationQueryDto): Promise<Download> {
    const period = await this.periods.readable(subject, periodId);
    const language = query.lang ?? 'en';
    const text = await this.texts.find(period.targetKind, period.targetId);
    if (!text) throw new AppException('comment-period-target-not-found', 'The text this period is about is gone.');
    const index = text.provisions(language);
    const [committee, instrument] = await Promise.all([this.repository.findCommittee(period.committeeId), this.repository.findInstrument(period.instrumentId)]);
    const comments = await this.current(subject, period, language);
    const groups = new Map<string | null, CommentProvisionInput['remarks'][number][]>();
    for (const c of comments) {
      for (const r of c.remarks) {
        const list = groups.get(r.provisionId) ?? [];
        list.push({
          number: r.number,
          commenter: c.delegationName,
          language: c.language,
          late: c.late,
          submitted: (c.submittedAt ?? '').slice(0, 10),
          body: r.body,
          proposedWording: r.proposedWording,
          disposition: r.disposition
            ? { disposition: r.disposition.disposition, response: r.disposition.response, addressedIn: addressedIn(r.disposition.addressedRevisionSymbol, r.disposition.addressedProvisionLabel) }
            : null,
        });
        groups.set(r.provisionId, list);
      }
    }
    const provisions: CommentProvisionInput[] = [...groups.entries()]
      .sort(([a], [b]) => order(a, index) - order(b, index))
      .map(([id, remarks]) => ({ id, label: id ? (index.get(id)?.label ?? id) : '', heading: id ? (index.get(id)?.heading ?? null) : null, remarks }));
    const input = {
      language,
      committee: { name: committee?.name ?? '', symbolPrefix: committee?.symbolPrefix ?? '' },
      textSymbol: text.label,
      instrumentTitle: (instrument ? pickLocalized(instrument.titles, language) : undefined) ?? '',
      periodTitle: period.title,
      date: new Date().toISOString().slice(0, 10),
      distribution: period.tier === 'public' ? ('General' as const) : ('Limited' as const),
      deadline: period.deadline.toISOString().slice(0, 10),
      provisions,
    };
    const base = `comments_${safeName(text.label)}_${language}`;
    if ((query.format ?? 'html') === 'html') return { filename: `${base}.html`, contentType: 'text/html; charset=utf-8', body: Buffer.from(commentsCompilationToHtml(input), 'utf8') };
    return { filename: `${base}.docx`, contentType: DOCX, body: Buffer.from(await commentsCompilationToDocx(input)) };
  }

  /**
   * The remarks filed on a revision or on an earlier revision of the same instrument, shown where their provision
   * is in this one (matched by stable id through the concordance), marked when its text changed since the comment
   * or when it was deleted.
   */
  async followed(subject: ReaderSubject, revisionId: string, lang?: Language): Promise<FollowedRemarkView[]> {
    const revision = await this.repository.findRevision(revisionId);
    if (!revision || !decide(subject, 'read', { tier: revision.tier === 'public' ? 'public' : 'committee', committeeId: revision.committeeId }).allowed) {
      throw new AppException('revision-not-found', `No revision ${revisionId}.`);
    }
    const here = revisionDoc(revision.content, lang ?? revision.originalLanguage, revision.originalLanguage);
    if (!here) return [];
    const index = provisionIndex(here.doc, lang ?? here.language);
    const earlier = (await this.repository.revisionsOf(revision.instrumentId)).filter((r) => r.revisionNumber <= revision.revisionNumber);
    const periods = (await this.repository.listPeriods({ committeeId: revision.committeeId, instrumentId: revision.instrumentId }))
      .filter((p) => p.targetKind === 'revision' && earlier.some((r) => r.id === p.targetId))
      .filter((p) => decide(subject, 'read', periodResource(p)).allowed);
    const byId = new Map(periods.map((p) => [p.id, p]));
    const rows = (await this.repository.commentsOfPeriods(periods.map((p) => p.id))).filter((c) => {
      const period = byId.get(c.periodId);
      return c.status === 'submitted' && period !== undefined && canReadComment(subject, c, period);
    });
    const views = await this.comments.views(subject, byId, rows, here.language);
    const out: FollowedRemarkView[] = [];
    for (const origin of earlier) {
      const originPeriods = new Set(periods.filter((p) => p.targetId === origin.id).map((p) => p.id));
      const originViews = views.filter((v) => originPeriods.has(v.periodId));
      if (originViews.length === 0) continue;
      const concordance = new Map<string, { textChanged: boolean; deleted: boolean; moved: boolean }>();
      if (origin.id !== revision.id) {
        const then = revisionDoc(origin.content, here.language, origin.originalLanguage);
        if (then) for (const row of compare(then.doc, here.doc, { language: here.language }).concordance) concordance.set(row.id, row);
      }
      for (const view of originViews) {
        for (const remark of view.remarks) {
          if (!remark.provisionId) continue;
          const now = index.get(remark.provisionId);
          const row = concordance.get(remark.provisionId);
          out.push({
            remark,
            comment: { id: view.id, number: view.number, delegationCode: view.delegationCode, delegationName: view.delegationName, language: view.language, late: view.late },
            revisionId: origin.id,
            revisionSymbol: origin.symbol,
            currentLabel: now?.label ?? null,
            textChanged: row?.textChanged ?? false,
            deleted: now === undefined,
            moved: row?.moved ?? false,
          });
        }
      }
    }
    return out.sort((a, b) => order(a.remark.provisionId, index) - order(b.remark.provisionId, index) || compareNumbers(a.remark.number, b.remark.number));
  }

  /** Published comments on public texts of every committee, newest first, for the Atom feed. */
  async published(): Promise<PublishedCommentEntry[]> {
    const periods = (await this.repository.listPeriods({ tier: 'public' })).filter((p) => decide(null, 'read', periodResource(p)).allowed);
    const byId = new Map(periods.map((p) => [p.id, p]));
    const rows = (await this.repository.commentsOfPeriods(periods.map((p) => p.id))).filter((c) => {
      const period = byId.get(c.periodId);
      return c.status !== 'draft' && period !== undefined && canReadComment(null, c, period);
    });
    const views = await this.comments.views(null, byId, rows);
    return views
      .map((v) => ({
        id: v.id,
        periodId: v.periodId,
        title: `${v.delegationName}: comment ${v.number ?? ''} on ${byId.get(v.periodId)?.title ?? ''}${v.late ? ' (late)' : ''}`,
        summary: v.remarks.map((r) => `${r.provisionLabel ?? 'General'}: ${r.body}`).join('\n\n').slice(0, 2000),
        updated: v.publishedAt ?? v.submittedAt ?? new Date(0).toISOString(),
      }))
      .sort((a, b) => b.updated.localeCompare(a.updated));
  }
}

function order(provisionId: string | null, index: ReadonlyMap<string, { order: number }>): number {
  if (provisionId === null) return -1;
  return index.get(provisionId)?.order ?? Number.MAX_SAFE_INTEGER;
}

function compareNumbers(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0);
}

function addressedIn(symbol: string | null, provisionLabel: string | null): string {
  if (!symbol) return '';
  return provisionLabel ? `${symbol}, ${provisionLabel}` : symbol;
}
