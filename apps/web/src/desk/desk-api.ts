import type { Language, ProposalStatus, ProvisionStatus } from '@concord/domain';
import type { NumberLabel, TextSegment } from '@concord/schema';
import { request } from '../api';

/** The secretariat's decision on a proposal, applied at the next compilation. */
export type Decision = 'incorporate' | 'present-as-option' | 'not-retain';

/** The three decisions, in the order the desk offers them. */
export const DECISIONS: readonly Decision[] = ['incorporate', 'present-as-option', 'not-retain'];

/** One replacement in a text: `[from, to)` of `before` (`deleted`) became `inserted`. */
export interface TextEditView {
  readonly from: number;
  readonly to: number;
  readonly deleted: string;
  readonly inserted: string;
}

/** One change of a proposal against its base, as the server stores it (nodes as ProseMirror JSON). */
export type ChangeView =
  | {
      readonly kind: 'text';
      readonly target: string;
      readonly before: string;
      readonly after: string;
      readonly edits: readonly TextEditView[];
    }
  | {
      readonly kind: 'insert';
      readonly parent: string;
      readonly after: string | null;
      readonly before: string | null;
      readonly nodes: readonly unknown[];
    }
  | { readonly kind: 'delete'; readonly target: string; readonly node: unknown };

/** Where a single change stands, numbered in the draft's language ("2 (a)"). */
export interface ChangePlace {
  readonly kind: 'in' | 'after' | 'heading' | 'new';
  readonly place: string;
}

/** One single change of a proposal to an article, as the desk lists it, with its key and its own decision. */
export type DeskChange = ChangeView & {
  readonly key: string;
  readonly where: ChangePlace;
  /** `incorporate` (accepted) or `not-retain` (rejected), when decided on its own. */
  readonly decision: Decision | null;
};

/** A proposal as the compile desk shows it beside the current text. */
export interface DeskProposal {
  readonly id: string;
  readonly title: string;
  /** Delegation codes. */
  readonly sponsor: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  readonly status: ProposalStatus;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly justification: string;
  /** Only its changes to this article, one per single change. */
  readonly changes: readonly DeskChange[];
  /** Bidirectional controls and invisible characters found in the proposal (English, from the server). */
  readonly textWarnings: readonly string[];
  readonly decision: Decision | null;
  /** Whether the decision has been compiled into the draft. */
  readonly compiled: boolean;
  /** The decision on its changes to this article, when decided article by article. */
  readonly provisionDecision: Decision | null;
}

/** One article of the desk. */
export interface DeskArticle {
  readonly id: string;
  /** Its number in the draft's language: "Article 4". */
  readonly number: string;
  readonly heading: string;
  readonly status: ProvisionStatus;
  /** The article's numbered plain text in the live draft. */
  readonly text: string;
  readonly counts: { readonly brackets: number; readonly optionGroups: number; readonly proposals: number };
  readonly proposals: readonly DeskProposal[];
}

export interface Desk {
  /** The collaboration document of the live draft. */
  readonly document: string;
  readonly articles: readonly DeskArticle[];
}

/** What became of a proposal in a compilation (see `@concord/compile`). */
export type OutcomeStatus =
  | 'incorporated'
  | 'partially-incorporated'
  | 'presented-as-option'
  | 'not-retained'
  | 'conflict'
  | 'no-change'
  | 'undecided';

/** Why a proposal could not be placed in the current text. */
export type ConflictReason = 'node-deleted' | 'context-changed' | 'id-in-use' | 'invalid-structure' | 'invalid-proposal';

export interface CompileOutcome {
  readonly proposalId: string;
  readonly decision: Decision | null;
  readonly status: OutcomeStatus;
  /** Whether the proposal was made on an earlier text and placed by id and context. */
  readonly rebased: boolean;
  readonly targets: readonly string[];
}

export interface CompileConflict {
  readonly proposalId: string;
  readonly reason: ConflictReason;
  readonly target: string | null;
  readonly message: string;
}

export interface CompileReport {
  readonly document: string;
  readonly compiled: number;
  readonly outcomes: readonly CompileOutcome[];
  readonly conflicts: readonly CompileConflict[];
}

export interface StatusChange {
  readonly provisionId: string;
  readonly from: ProvisionStatus;
  readonly to: ProvisionStatus;
  readonly actorId: string;
  readonly at: string;
}

/** A published revision's metadata. */
export interface RevisionSummary {
  readonly id: string;
  readonly instrumentId: string;
  readonly symbol: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly tier: 'committee' | 'public';
  readonly languages: readonly Language[];
  readonly contentHash: string;
  readonly publishedAt: string;
}

export interface NewRevision {
  /** Required for the first publication; later ones are numbered `/Rev.N` by the server. */
  readonly symbol?: string;
  readonly date?: string;
  readonly tier: 'committee' | 'public';
  readonly languages?: readonly Language[];
  readonly confirmStale?: boolean;
}

/** A node of a translation that does not render the original's current words. */
export interface StaleNode {
  readonly nodeId: string;
  readonly reason: 'missing' | 'unconfirmed' | 'changed';
  readonly original: string;
  readonly translation: string | null;
  /** `article`, `paragraph`, `subparagraph`, `recital`, `chapter`, `option`… */
  readonly nodeType: string;
  /** The numbers from the outermost node down to this one. */
  readonly place: readonly NumberLabel[];
  /** The original's own words when it was last translated or confirmed; `null` if never. */
  readonly translatedFrom: string | null;
  /** The word changes from `translatedFrom` to `original`. */
  readonly changes: readonly TextEditView[];
  /** The runs of the original's own words, each translated on its own so that its marks survive. */
  readonly segments: readonly TextSegment[];
  /** The translation's current words per run, when it still has the original's runs. */
  readonly translatedSegments: readonly string[] | null;
}

export interface PublishedCompilation {
  readonly id: string;
  readonly proposalIds: readonly string[];
  readonly publishedAt: string;
}

const segment = encodeURIComponent;
const instrumentPath = (instrumentId: string) => `/api/instruments/${segment(instrumentId)}`;

/** The endpoints of the compile desk, revisions and language versions (apps/api compilation and revisions). */
export const deskApi = {
  desk: (instrumentId: string, language: Language) =>
    request<Desk>('GET', `${instrumentPath(instrumentId)}/desk?lang=${segment(language)}`),
  decide: (proposalId: string, language: Language, decision: Decision, scope: { provision?: string; change?: string } = {}) =>
    request<{ proposalId: string; document: string; decision: Decision }>(
      'PUT',
      `/api/proposals/${segment(proposalId)}/decision`,
      { language, decision, ...scope },
    ),
  compile: (instrumentId: string, language: Language, bracketIncorporated: boolean) =>
    request<CompileReport>('POST', `${instrumentPath(instrumentId)}/compile`, { language, bracketIncorporated }),
  /** Sets a provision's status; reopening agreed text (back to open) needs a reason. */
  setStatus: (instrumentId: string, provisionId: string, language: Language, status: ProvisionStatus, reason?: string) =>
    request<{ provisionId: string; status: ProvisionStatus; reason: string | null }>(
      'PUT',
      `${instrumentPath(instrumentId)}/provisions/${segment(provisionId)}/status`,
      { language, status, ...(reason ? { reason } : {}) },
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
    request<{ language: Language; stale: number }>('POST', `${instrumentPath(instrumentId)}/languages`, { language }),
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
      { nodeIds },
    ),

  translate: (instrumentId: string, language: Language, nodeId: string, texts: readonly string[]) =>
    request<{ nodeId: string; stale: number }>(
      'POST',
      `${instrumentPath(instrumentId)}/languages/translate?lang=${segment(language)}`,
      { nodeId, texts },
    ),

  publishCompilation: (instrumentId: string, language: Language) =>
    request<PublishedCompilation>('POST', `${instrumentPath(instrumentId)}/compilation/publish`, { language }),
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
