import { isMemberOf } from './constant-list';

/** Everything the access policy rules on. */
export const ACTIONS = [
  'read',
  'comment',
  'edit-draft',
  'submit-proposal',
  'withdraw-proposal',
  'accept-cosponsorship',
  'support-proposal',
  'manage-delegation-members',
  'manage-committee',
  'invite-user',
  'import-instrument',
  'compile',
  'edit-consolidated',
  'set-provision-status',
  'publish-revision',
  'author-chair-proposal',
  'view-audit',
  'archive-committee',
  'administer-mail',
  'manage-comment-period',
  'draft-written-comment',
  'submit-written-comment',
  'record-disposition',
] as const;

/** An action a subject may attempt on a resource. */
export type Action = (typeof ACTIONS)[number];

/** Whether `value` is an action. */
export function isAction(value: unknown): value is Action {
  return isMemberOf(ACTIONS, value);
}
