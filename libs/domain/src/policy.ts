import type { Action } from './action';
import type { Role, Tier } from './vocabulary';

/** A signed-in user as the access policy sees them. */
export interface Subject {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The delegation the user belongs to, if any. */
  readonly delegationId: string | null;
  /** The committee the user belongs to; null for a subject of no committee (only the command line's administrator). */
  readonly committeeId: string | null;
}

/** A record as the access policy sees it. */
export interface Resource {
  readonly tier: Tier;
  /**
   * Delegation ids that own a delegation-tier record (authoring + accepted co-sponsors). A delegation invited
   * to co-sponsor is listed too when it is asked to accept, since the invitation lets it read the draft.
   */
  readonly owners?: readonly string[];
  /**
   * The committee the record belongs to. The server always gives it; it is left out only to ask what a role may
   * do in general (the web app, deciding what to offer the signed-in user within their own committee).
   */
  readonly committeeId?: string;
}

/**
 * The outcome of an access check; a denial carries a short sentence that can be shown to the user. A `concealed`
 * denial means the record must be treated as if it did not exist (a record of another committee below the public
 * tier): the caller answers exactly as for an unknown record, so that nobody learns it exists.
 */
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string; readonly concealed?: true };

/** Whose records a grant covers — every delegation's ('every'), only the subject's own ('own'), or only others' ('others'). */
type Ownership = 'every' | 'own' | 'others';

/** Who holds a right: every signed-in user, or the holders of any of the listed roles. */
type Holders = 'anyone' | readonly Role[];

interface ReadRule {
  readonly holders: Holders;
  readonly ownership: Ownership;
  readonly denial: string;
}

interface ActionRule extends ReadRule {
  readonly tiers: readonly Tier[];
}

const DELEGATION_MEMBERS: readonly Role[] = ['delegate', 'head-of-delegation'];
const HEADS: readonly Role[] = ['head-of-delegation'];
const SECRETARIAT: readonly Role[] = ['secretariat'];
const SECRETARIAT_OR_ADMIN: readonly Role[] = ['secretariat', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const SECRETARIAT_OR_CHAIR: readonly Role[] = ['secretariat', 'chair'];
const CHAIR: readonly Role[] = ['chair'];

const EVERY_TIER: readonly Tier[] = ['delegation', 'committee', 'public'];
const DELEGATION_TIER: readonly Tier[] = ['delegation'];
const SHARED_TIERS: readonly Tier[] = ['committee', 'public'];

const ANONYMOUS_DENIAL = 'Anonymous users may only read public records';
const FOREIGN_DENIAL = 'No such record';
const FOREIGN_ACTION_DENIAL = "Only members of a record's committee may act on it";
const OBSERVER_DENIAL = 'Observers may only read public records';

/** Who may read each tier. Every other action first requires reading. */
const READ_RULES: { readonly [T in Tier]: ReadRule } = {
  // Anonymous visitors are handled before the rules; for signed-in users this rule never denies.
  public: { holders: 'anyone', ownership: 'every', denial: 'Public records are readable by everyone' },
  committee: {
    holders: ['delegate', 'head-of-delegation', 'secretariat', 'chair', 'admin'],
    ownership: 'every',
    denial: 'Only delegations, the secretariat, the chair and administrators may read committee records',
  },
  // Not even the secretariat sees a delegation's drafts before they are submitted. An observer belongs to its
  // organization, which owns its own written comments while it drafts them.
  delegation: {
    holders: [...DELEGATION_MEMBERS, 'observer'],
    ownership: 'own',
    denial: 'Only members of an owning delegation may read delegation records',
  },
};

/** Everything beyond reading: who may do it, on which tiers, and on whose records. */
const ACTION_RULES: { readonly [A in Exclude<Action, 'read'>]: ActionRule } = {
  comment: {
    holders: 'anyone',
    tiers: EVERY_TIER,
    ownership: 'every',
    denial: 'Only signed-in users who can read a record may comment on it',
  },
  'edit-draft': {
    holders: DELEGATION_MEMBERS,
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: 'Only members of an owning delegation may edit its delegation drafts',
  },
  'submit-proposal': {
    holders: HEADS,
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: 'Only the head of an owning delegation may submit its delegation drafts',
  },
  'withdraw-proposal': {
    holders: HEADS,
    tiers: ['delegation', 'committee'],
    ownership: 'own',
    denial: 'Only the head of an owning delegation may withdraw its unpublished proposals',
  },
  'accept-cosponsorship': {
    holders: HEADS,
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: 'Only the head of an invited delegation may accept co-sponsorship of a delegation draft',
  },
  'support-proposal': {
    holders: HEADS,
    tiers: SHARED_TIERS,
    ownership: 'others',
    denial: "Only the head of another delegation may support a delegation's committee or public proposal",
  },
  // An observer organization has no heads: its confirmed observers, who read its drafts, vouch for one another.
  'manage-delegation-members': {
    holders: [...HEADS, 'observer'],
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: 'Only the head of a delegation (or an observer of its own organization) may manage its members',
  },
  'manage-committee': {
    holders: SECRETARIAT_OR_ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat or an administrator may manage the committee',
  },
  'invite-user': {
    holders: SECRETARIAT_OR_ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat or an administrator may invite users',
  },
  'import-instrument': {
    holders: SECRETARIAT_OR_ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat or an administrator may import instruments',
  },
  compile: {
    holders: SECRETARIAT,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat may compile proposals',
  },
  'edit-consolidated': {
    holders: SECRETARIAT,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat may edit consolidated drafts',
  },
  'set-provision-status': {
    holders: SECRETARIAT_OR_CHAIR,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat or the chair may set provision status',
  },
  'publish-revision': {
    holders: SECRETARIAT,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat may publish revisions',
  },
  'author-chair-proposal': {
    holders: CHAIR,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: "Only the chair may author Chair's proposals",
  },
  'view-audit': {
    holders: SECRETARIAT_OR_ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat or an administrator may view the audit log',
  },
  'archive-committee': {
    holders: SECRETARIAT_OR_ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: "Only the secretariat or an administrator may archive the committee's record",
  },
  'administer-mail': {
    holders: ADMIN,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: "Only an administrator may see and retry the server's outgoing e-mail",
  },
  // Judged on the text the period is about (a published revision or compilation).
  'manage-comment-period': {
    holders: SECRETARIAT,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat may open, extend, close or publish a comment period',
  },
  // Judged on the written comment while it is a delegation-tier draft of its commenter.
  'draft-written-comment': {
    holders: [...DELEGATION_MEMBERS, 'observer'],
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: "Only members of the commenting delegation or organization may draft its written comment",
  },
  'submit-written-comment': {
    holders: [...HEADS, 'observer'],
    tiers: DELEGATION_TIER,
    ownership: 'own',
    denial: "Only the head of the commenting delegation (or a member of the commenting observer organization) may submit its written comment",
  },
  // Judged on the submitted written comment, a committee or public record.
  'record-disposition': {
    holders: SECRETARIAT,
    tiers: SHARED_TIERS,
    ownership: 'every',
    denial: 'Only the secretariat may record the disposition of a comment',
  },
};

const ALLOW: Decision = Object.freeze({ allowed: true });

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

function concealed(): Decision {
  return { allowed: false, reason: FOREIGN_DENIAL, concealed: true };
}

/** Whether the record belongs to a committee other than the subject's; administrators belong to every committee. */
function foreign(subject: Subject, resource: Resource): boolean {
  if (resource.committeeId === undefined || subject.roles.includes('admin')) return false;
  return subject.committeeId !== resource.committeeId;
}

function ownsResource(subject: Subject, resource: Resource): boolean {
  return subject.delegationId !== null && (resource.owners ?? []).includes(subject.delegationId);
}

const OWNERSHIP_TESTS: { readonly [O in Ownership]: (subject: Subject, resource: Resource) => boolean } = {
  every: () => true,
  own: ownsResource,
  // A user without a delegation acts for nobody, so they cannot act on "another" delegation's record either.
  others: (subject, resource) => subject.delegationId !== null && !ownsResource(subject, resource),
};

function holds(subject: Subject, rule: ReadRule, resource: Resource): boolean {
  const hasRole = rule.holders === 'anyone' || rule.holders.some((role) => subject.roles.includes(role));
  return hasRole && OWNERSHIP_TESTS[rule.ownership](subject, resource);
}

function readDenial(subject: Subject, tier: Tier): string {
  const onlyObserver = subject.roles.length > 0 && subject.roles.every((role) => role === 'observer');
  return onlyObserver ? OBSERVER_DENIAL : READ_RULES[tier].denial;
}

/**
 * The access policy: whether `subject` (or an anonymous visitor, when `null`) may perform `action` on
 * `resource`. Pure; every other action first requires the right to read the resource, and a user with several
 * roles gets the union of their rights.
 *
 * Committees are sealed from each other: a record of another committee below the public tier is concealed (the
 * denial says to answer as if it did not exist), and a public record of another committee may be read but not
 * acted on. Administrators belong to every committee.
 */
export function decide(subject: Subject | null, action: Action, resource: Resource): Decision {
  if (subject === null) {
    return action === 'read' && resource.tier === 'public' ? ALLOW : deny(ANONYMOUS_DENIAL);
  }
  if (foreign(subject, resource)) {
    if (resource.tier !== 'public') return concealed();
    if (action !== 'read') return deny(FOREIGN_ACTION_DENIAL);
  }
  if (!holds(subject, READ_RULES[resource.tier], resource)) {
    return deny(readDenial(subject, resource.tier));
  }
  if (action === 'read') {
    return ALLOW;
  }
  const rule = ACTION_RULES[action];
  return rule.tiers.includes(resource.tier) && holds(subject, rule, resource) ? ALLOW : deny(rule.denial);
}

/** Whether `subject` may perform `action` on `resource`; {@link decide} without the reason. */
export function can(subject: Subject | null, action: Action, resource: Resource): boolean {
  return decide(subject, action, resource).allowed;
}
