import type { Language } from './language';
import type { HistoryActor, ProposalStatus } from './proposal-status';

/*
 * Drafting spaces, proposals and their stored changes as the API sends them and the web app reads them: one
 * definition for both sides.
 */

/** A delegation's private collaborative text on an instrument's base text. */
export interface DraftingSpaceView {
  readonly id: string;
  /** The collaboration document to connect to at `/collab/<document>`. */
  readonly document: string;
  readonly title: string;
  readonly language: Language;
  readonly instrumentId: string;
  readonly ownerDelegationId: string;
  /** Delegations that accepted to co-sponsor, and so co-edit. */
  readonly coSponsorIds: readonly string[];
  /** Delegations asked to co-sponsor that have not answered; they may read the space meanwhile. */
  readonly invitedCoSponsorIds: readonly string[];
  /** Ids of the base text's articles the space drafts on; empty for the whole text. */
  readonly provisionIds: readonly string[];
  readonly createdAt: string;
}

/** One replacement in a text: `[from, to)` of `before` (`deleted`) became `inserted`. */
export interface TextEditView {
  readonly from: number;
  readonly to: number;
  readonly deleted: string;
  readonly inserted: string;
}

/** A change to the words of one text block. */
export interface StoredTextChange {
  readonly kind: 'text';
  readonly target: string;
  readonly before: string;
  readonly after: string;
  readonly edits: readonly TextEditView[];
}

/** New nodes inserted under `parent`, between the siblings `after` and `before` (ids, null at either end). */
export interface StoredInsertChange {
  readonly kind: 'insert';
  readonly parent: string;
  readonly after: string | null;
  readonly before: string | null;
  /** ProseMirror JSON in the treaty schema. */
  readonly nodes: readonly unknown[];
}

/** A node deleted. */
export interface StoredDeleteChange {
  readonly kind: 'delete';
  readonly target: string;
  /** ProseMirror JSON of the deleted node. */
  readonly node: unknown;
}

/**
 * One change of a proposal against its base, as the server stores and sends it: the change set of
 * `@concord/compile` with its nodes as ProseMirror JSON.
 */
export type StoredChange = StoredTextChange | StoredInsertChange | StoredDeleteChange;

/** One recorded move of a proposal's lifecycle. */
export interface ProposalHistoryEntry {
  readonly from: ProposalStatus | null;
  readonly to: ProposalStatus;
  /** The user's id, so that a reader can tell their own actions. */
  readonly actorId: string;
  readonly actor: HistoryActor;
  readonly at: string;
}

/** A submitted proposal. */
export interface ProposalView {
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  /** The drafting space it was submitted from; null for proposals made another way (such as imports). */
  readonly spaceId: string | null;
  readonly language: Language;
  readonly title: string;
  /** As written by the delegation: rendered as text only. */
  readonly justification: string;
  readonly sponsorDelegationId: string;
  readonly coSponsorIds: readonly string[];
  readonly supporterIds: readonly string[];
  readonly status: ProposalStatus;
  /** Submitted after its session's proposal deadline. */
  readonly late: boolean;
  readonly sessionId: string | null;
  /** The articles it changes. */
  readonly provisionIds: readonly string[];
  /** What the proposal was made against: the live draft's state or a revision. */
  readonly baseRef: string;
  /** The base provisions it was made against, as ProseMirror JSON. */
  readonly baseDoc: unknown;
  /** The proposed text of those provisions, as ProseMirror JSON. */
  readonly proposedDoc: unknown;
  readonly changes: readonly StoredChange[];
  /** Bidirectional controls and invisible characters in its text or justification, one English line each. */
  readonly textWarnings: readonly string[];
  readonly supersedesId: string | null;
  readonly submittedAt: string;
  readonly submittedBy: string;
  /** Public since a published compilation of proposals listed it. */
  readonly published: boolean;
  readonly history: readonly ProposalHistoryEntry[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';

function isTextEdit(value: unknown): value is TextEditView {
  return (
    isRecord(value) &&
    typeof value['from'] === 'number' &&
    typeof value['to'] === 'number' &&
    typeof value['deleted'] === 'string' &&
    typeof value['inserted'] === 'string'
  );
}

/** Whether a value (read back from storage or received) has the shape of a {@link StoredChange}. */
export function isStoredChange(value: unknown): value is StoredChange {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'text':
      return (
        typeof value['target'] === 'string' &&
        typeof value['before'] === 'string' &&
        typeof value['after'] === 'string' &&
        Array.isArray(value['edits']) &&
        value['edits'].every(isTextEdit)
      );
    case 'insert':
      return typeof value['parent'] === 'string' && isNullableString(value['after']) && isNullableString(value['before']) && Array.isArray(value['nodes']);
    case 'delete':
      return typeof value['target'] === 'string' && 'node' in value;
    default:
      return false;
  }
}

/** Reads back a change set stored as JSON; throws when it is not one, rather than pass on a malformed record. */
export function parseStoredChanges(json: string): StoredChange[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every(isStoredChange)) throw new Error('The stored change set is not a list of changes.');
  return value;
}
