import { type AuditEntryView, parseProvisionRef, type Subject } from '@concord/domain';
import type { ChainedRow } from './audit-chain';

/**
 * Who may see which audit row, decided on the read side (the rows themselves are never changed: they are chained).
 * A row belongs to the committee of the record it is about; a row about a delegation-tier record (a drafting space,
 * its co-sponsor invitations, a delegation-tier comment, an unsubmitted proposal, a written comment being drafted)
 * is shown in full only to the owning delegations' confirmed members, and to everyone else as a bare "a
 * delegation-tier action happened at".
 */

/** The kinds of records audit rows are about, as far as visibility needs to know them. */
export const RECORD_KINDS = ['committee', 'session', 'delegation', 'user', 'instrument', 'drafting_space', 'proposal', 'comment', 'compilation', 'revision', 'written_comment'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A record an audit row points at. */
export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

/** What the read side knows of a record: its committee and, when it is delegation-tier, who owns it. */
export interface RecordScope {
  readonly committeeId: string;
  /** Present when the record is delegation-tier: the delegations whose confirmed members may see it. */
  readonly delegationOwners?: readonly string[];
}

/** The parts of an audit row visibility reads. */
export type AuditRow = Omit<ChainedRow, 'prevHash'>;

/** A row as a client sees it: in full, or redacted to the fact that a delegation-tier action happened. */
export type AuditView = AuditEntryView;

/** Who reads the log. */
export interface AuditReader {
  readonly subject: Subject;
  readonly committeeId: string;
}

/** The action shown in place of a redacted row's. */
export const REDACTED_ACTION = 'delegation-tier-action';

const ENTITY_KINDS: Readonly<Record<string, RecordKind>> = {
  committee: 'committee',
  session: 'session',
  delegation: 'delegation',
  user: 'user',
  instrument: 'instrument',
  drafting_space: 'drafting_space',
  proposal: 'proposal',
  comment: 'comment',
  compilation: 'compilation',
  revision: 'revision',
  written_comment: 'written_comment',
};

/**
 * Entity types whose rows are about a delegation-tier record even when the record cannot be found: a drafting space,
 * and a written comment (only a draft can be discarded, so one that is gone was its delegation's).
 */
const ALWAYS_DELEGATION_TIER = new Set(['drafting_space', 'written_comment']);

/** The record a row is about, when its entity type names one the read side knows. */
export function subjectRecord(row: Pick<AuditRow, 'entityType' | 'entityId'>): RecordRef | null {
  const kind = ENTITY_KINDS[row.entityType];
  if (kind) return { kind, id: row.entityId };
  // A provision of a consolidated draft (`provisionRef`) belongs to the instrument's committee.
  const provision = row.entityType === 'provision' ? parseProvisionRef(row.entityId) : null;
  return provision?.document.kind === 'consolidated' ? { kind: 'instrument', id: provision.document.instrumentId } : null;
}

/** Every record the rows need looked up: what each is about, and its actor (for rows about sessions and the like). */
export function recordsToLookUp(rows: readonly AuditRow[]): RecordRef[] {
  const refs = new Map<string, RecordRef>();
  const add = (ref: RecordRef | null) => ref && refs.set(refKey(ref), ref);
  for (const row of rows) {
    add(subjectRecord(row));
    if (row.actorId) add({ kind: 'user', id: row.actorId });
  }
  return [...refs.values()];
}

export function refKey(ref: RecordRef): string {
  return `${ref.kind}:${ref.id}`;
}

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function tierHint(row: AuditRow): unknown {
  const after = parse(row.after);
  return after && typeof after === 'object' && 'tier' in after ? after.tier : undefined;
}

/**
 * The scope of a row: that of its record; failing that (a record of a kind the read side does not know), its
 * actor's committee. Null when neither is known: such a row is shown to administrators only. A row that says it
 * is about a delegation-tier record whose owner cannot be found is treated as owned by nobody.
 */
export function scopeOf(row: AuditRow, scopes: ReadonlyMap<string, RecordScope>): RecordScope | null {
  const ref = subjectRecord(row);
  const own = ref ? scopes.get(refKey(ref)) : undefined;
  if (own) return own;
  const actor = row.actorId ? scopes.get(refKey({ kind: 'user', id: row.actorId })) : undefined;
  const delegationTier = ALWAYS_DELEGATION_TIER.has(row.entityType) || tierHint(row) === 'delegation';
  if (!actor) return null;
  return delegationTier ? { committeeId: actor.committeeId, delegationOwners: [] } : { committeeId: actor.committeeId };
}

/**
 * The row as the reader may see it, or null when it belongs to another committee. Administrators see every
 * committee's rows, but a delegation-tier row only redacted like everyone outside the owning delegations.
 */
export function presentRow(reader: AuditReader, row: AuditRow, scope: RecordScope | null): AuditView | null {
  const admin = reader.subject.roles.includes('admin');
  if (!admin && (scope === null || scope.committeeId !== reader.committeeId)) return null;
  const delegationId = reader.subject.delegationId;
  if (scope?.delegationOwners && !(delegationId !== null && scope.delegationOwners.includes(delegationId))) {
    return { seq: row.seq, at: row.at.toISOString(), actorId: null, action: REDACTED_ACTION, entityType: '', entityId: '', before: null, after: null, hash: row.hash, redacted: true };
  }
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: parse(row.before),
    after: parse(row.after),
    hash: row.hash,
  };
}

/** A drafting space is delegation-tier, owned by its delegation and its accepted co-sponsors. */
export function spaceScope(space: { readonly committeeId: string; readonly ownerDelegationId: string; readonly coSponsorIds: readonly string[] }): RecordScope {
  return { committeeId: space.committeeId, delegationOwners: [space.ownerDelegationId, ...space.coSponsorIds] };
}

/** A comment of the delegation tier belongs to its author's delegation; others are the committee's. */
export function commentScope(comment: { readonly committeeId: string; readonly tier: string; readonly authorDelegationId: string | null }): RecordScope {
  if (comment.tier !== 'delegation') return { committeeId: comment.committeeId };
  return { committeeId: comment.committeeId, delegationOwners: comment.authorDelegationId ? [comment.authorDelegationId] : [] };
}

/** A written comment being drafted is its delegation's (or observer organization's); from submission on the committee's. */
export function writtenCommentScope(comment: { readonly committeeId: string; readonly status: string; readonly delegationId: string }): RecordScope {
  if (comment.status !== 'draft') return { committeeId: comment.committeeId };
  return { committeeId: comment.committeeId, delegationOwners: [comment.delegationId] };
}

/** A proposal not yet submitted is its sponsors'; from submission on the committee's. */
export function proposalScope(proposal: { readonly committeeId: string; readonly status: string; readonly sponsorDelegationId: string; readonly coSponsorIds: readonly string[] }): RecordScope {
  if (proposal.status !== 'draft') return { committeeId: proposal.committeeId };
  return { committeeId: proposal.committeeId, delegationOwners: [proposal.sponsorDelegationId, ...proposal.coSponsorIds] };
}
