import {
  type ChangePlace,
  type CompileConflict,
  type CompileOutcome,
  type CompileReport,
  type CompileRequest,
  type ConfirmTranslationRequest,
  type ConflictReason,
  type DecisionRecordedView,
  type DecisionRequest,
  type DeskArticle,
  type DeskChange,
  type DeskProposal,
  type DeskView,
  type Language,
  type LanguageRequest,
  type OutcomeStatus,
  PROPOSAL_DECISIONS,
  type ProposalDecision,
  type ProvisionStatus,
  type ProvisionStatusRequest,
  type ProvisionStatusView,
  type PublishedCompilationView,
  type RevisionRequest,
  type RevisionSummary,
  type StatusChange,
  type StoredChange,
  type TextEditView,
  type TranslateProvisionRequest,
} from '@concord/domain';
import type { StaleNodeView } from '@concord/schema';
import { request } from '../api';

/** The secretariat's decision on a proposal, applied at the next compilation. */
export type Decision = ProposalDecision;

/** The three decisions, in the order the desk offers them. */
export const DECISIONS: readonly Decision[] = PROPOSAL_DECISIONS;

export type { TextEditView };

/** One change of a proposal against its base, as the server stores it (nodes as ProseMirror JSON). */
export type ChangeView = StoredChange;

export type { ChangePlace, CompileConflict, CompileOutcome, CompileReport, ConflictReason, DeskArticle, DeskChange, DeskProposal, OutcomeStatus, RevisionSummary, StatusChange };

export type Desk = DeskView;

export type NewRevision = RevisionRequest;

/** A node of a translation that does not render the original's current words. */
export type StaleNode = StaleNodeView;

export type PublishedCompilation = PublishedCompilationView;

const segment = encodeURIComponent;
const instrumentPath = (instrumentId: string) => `/api/instruments/${segment(instrumentId)}`;

/** The endpoints of the compile desk, revisions and language versions (apps/api compilation and revisions). */
export const deskApi = {
  desk: (instrumentId: string, language: Language) =>
    request<Desk>('GET', `${instrumentPath(instrumentId)}/desk?lang=${segment(language)}`),
  decide: (proposalId: string, language: Language, decision: Decision, scope: { provision?: string; change?: string } = {}) =>
    request<DecisionRecordedView>(
      'PUT',
      `/api/proposals/${segment(proposalId)}/decision`,
      { language, decision, ...scope } satisfies DecisionRequest,
    ),
  compile: (instrumentId: string, language: Language, bracketIncorporated: boolean) =>
    request<CompileReport>('POST', `${instrumentPath(instrumentId)}/compile`, { language, bracketIncorporated } satisfies CompileRequest),
  /** Sets a provision's status; reopening agreed text (back to open) needs a reason. */
  setStatus: (instrumentId: string, provisionId: string, language: Language, status: ProvisionStatus, reason?: string) =>
    request<ProvisionStatusView>(
      'PUT',
      `${instrumentPath(instrumentId)}/provisions/${segment(provisionId)}/status`,
      { language, status, ...(reason ? { reason } : {}) } satisfies ProvisionStatusRequest,
    ),
  statusHistory: async (instrumentId: string, language: Language) =>
    (
      await request<{ items: readonly StatusChange[] }>(
        'GET',
        `${instrumentPath(instrumentId)}/provisions/status-history?lang=${segment(language)}`,
      )
    ).items,

  revisions: async (instrumentId: string) =>
    (await request<{ items: readonly RevisionSummary[] }>('GET', `${instrumentPath(instrumentId)}/revisions`)).items,
  publish: (instrumentId: string, revision: NewRevision) =>
    request<RevisionSummary>('POST', `${instrumentPath(instrumentId)}/revisions`, revision),

  addLanguage: (instrumentId: string, language: Language) =>
    request<{ language: Language; stale: number }>('POST', `${instrumentPath(instrumentId)}/languages`, { language } satisfies LanguageRequest),
  stale: async (instrumentId: string, language: Language) =>
    (
      await request<{ items: readonly StaleNode[] }>(
        'GET',
        `${instrumentPath(instrumentId)}/languages/stale?lang=${segment(language)}`,
      )
    ).items,
  confirm: (instrumentId: string, language: Language, nodeIds: readonly string[]) =>
    request<{ confirmed: number; stale: number }>(
      'POST',
      `${instrumentPath(instrumentId)}/languages/confirm?lang=${segment(language)}`,
      { nodeIds } satisfies ConfirmTranslationRequest,
    ),

  translate: (instrumentId: string, language: Language, nodeId: string, texts: readonly string[]) =>
    request<{ nodeId: string; stale: number }>(
      'POST',
      `${instrumentPath(instrumentId)}/languages/translate?lang=${segment(language)}`,
      { nodeId, texts } satisfies TranslateProvisionRequest,
    ),

  publishCompilation: (instrumentId: string, language: Language) =>
    request<PublishedCompilation>('POST', `${instrumentPath(instrumentId)}/compilation/publish`, { language } satisfies LanguageRequest),
};

/** The address to download the compilation of proposals received (for committee readers). */
export function compilationDownloadUrl(instrumentId: string, language: Language, format: 'html' | 'docx'): string {
  return `${instrumentPath(instrumentId)}/compilation?lang=${segment(language)}&format=${format}`;
}

/** The address of a published compilation of proposals, open to everyone. */
export function publishedCompilationUrl(id: string, format: 'html' | 'docx' = 'html'): string {
  return `/api/public/compilations/${segment(id)}?format=${format}`;
}

/** The address to download a revision in one language. */
export function revisionExportUrl(id: string, language: Language, format: 'html' | 'docx' | 'akn'): string {
  return `/api/revisions/${segment(id)}/export?lang=${segment(language)}&format=${format}`;
}
