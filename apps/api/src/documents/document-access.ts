import { type Action, decide, type Resource, type Subject } from '@concord/domain';

/** What a connection or a use case may do with a live document. */
export type AccessLevel = 'none' | 'read' | 'write';

/**
 * Who may read and who may write one live document, as resources of the access policy (`decide`): a consolidated
 * draft is committee-tier and written with `edit-consolidated`; a drafting space is delegation-tier, read by its
 * owners and the delegations invited to co-sponsor it, and written (`edit-draft`) by its owners only.
 */
export interface DocumentRules {
  readonly read: Resource;
  readonly write: { readonly action: Action; readonly resource: Resource };
  /** Why a reader who may not write is read-only, and why a writer writes: the socket's reason. */
  readonly reasons: { readonly read: string; readonly write: string };
}

/** A caller's level on a document, with its reason; null when the caller may not even know the document exists. */
export function accessLevel(subject: Subject | null, rules: DocumentRules): { readonly level: AccessLevel; readonly reason: string } | null {
  if (!decide(subject, 'read', rules.read).allowed) return null;
  const write = decide(subject, rules.write.action, rules.write.resource).allowed;
  return write ? { level: 'write', reason: rules.reasons.write } : { level: 'read', reason: rules.reasons.read };
}
