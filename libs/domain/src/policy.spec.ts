import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './action';
import { can, decide, type Resource, type Subject } from './policy';
import { show, titled } from './testing/titled';
import { ROLES, type Role, type Tier } from './vocabulary';

const Y = true;
const N = false;

const OWN_DELEGATION = 'del-own';
const owned: readonly string[] = [OWN_DELEGATION, 'del-cosponsor'];
const notOwned: readonly string[] = ['del-other'];

/** One row per action and role: may a user with only that role (and a delegation) perform the action? */
type MatrixRow = readonly [
  action: Action,
  role: Role,
  delegationOwn: boolean,
  delegationOther: boolean,
  committeeOwn: boolean,
  committeeOther: boolean,
  publicOwn: boolean,
  publicOther: boolean,
];

// "own": the record's owners include the user's delegation; "other": they do not.
// prettier-ignore
const MATRIX: readonly MatrixRow[] = [
  //                                                        delegation   committee    public
  // action                       role                      own  other   own  other   own  other
  ['read',                        'delegate',               Y,   N,      Y,   Y,      Y,   Y],
  ['read',                        'head-of-delegation',     Y,   N,      Y,   Y,      Y,   Y],
  ['read',                        'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['read',                        'chair',                  N,   N,      Y,   Y,      Y,   Y],
  // An observer reads its own organization's drafts (its written comments before it submits them).
  ['read',                        'observer',               Y,   N,      N,   N,      Y,   Y],
  ['read',                        'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['comment',                     'delegate',               Y,   N,      Y,   Y,      Y,   Y],
  ['comment',                     'head-of-delegation',     Y,   N,      Y,   Y,      Y,   Y],
  ['comment',                     'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['comment',                     'chair',                  N,   N,      Y,   Y,      Y,   Y],
  ['comment',                     'observer',               Y,   N,      N,   N,      Y,   Y],
  ['comment',                     'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['edit-draft',                  'delegate',               Y,   N,      N,   N,      N,   N],
  ['edit-draft',                  'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['edit-draft',                  'secretariat',            N,   N,      N,   N,      N,   N],
  ['edit-draft',                  'chair',                  N,   N,      N,   N,      N,   N],
  ['edit-draft',                  'observer',               N,   N,      N,   N,      N,   N],
  ['edit-draft',                  'admin',                  N,   N,      N,   N,      N,   N],

  ['submit-proposal',             'delegate',               N,   N,      N,   N,      N,   N],
  ['submit-proposal',             'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['submit-proposal',             'secretariat',            N,   N,      N,   N,      N,   N],
  ['submit-proposal',             'chair',                  N,   N,      N,   N,      N,   N],
  ['submit-proposal',             'observer',               N,   N,      N,   N,      N,   N],
  ['submit-proposal',             'admin',                  N,   N,      N,   N,      N,   N],

  ['withdraw-proposal',           'delegate',               N,   N,      N,   N,      N,   N],
  ['withdraw-proposal',           'head-of-delegation',     Y,   N,      Y,   N,      N,   N],
  ['withdraw-proposal',           'secretariat',            N,   N,      N,   N,      N,   N],
  ['withdraw-proposal',           'chair',                  N,   N,      N,   N,      N,   N],
  ['withdraw-proposal',           'observer',               N,   N,      N,   N,      N,   N],
  ['withdraw-proposal',           'admin',                  N,   N,      N,   N,      N,   N],

  ['accept-cosponsorship',        'delegate',               N,   N,      N,   N,      N,   N],
  ['accept-cosponsorship',        'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['accept-cosponsorship',        'secretariat',            N,   N,      N,   N,      N,   N],
  ['accept-cosponsorship',        'chair',                  N,   N,      N,   N,      N,   N],
  ['accept-cosponsorship',        'observer',               N,   N,      N,   N,      N,   N],
  ['accept-cosponsorship',        'admin',                  N,   N,      N,   N,      N,   N],

  ['support-proposal',            'delegate',               N,   N,      N,   N,      N,   N],
  ['support-proposal',            'head-of-delegation',     N,   N,      N,   Y,      N,   Y],
  ['support-proposal',            'secretariat',            N,   N,      N,   N,      N,   N],
  ['support-proposal',            'chair',                  N,   N,      N,   N,      N,   N],
  ['support-proposal',            'observer',               N,   N,      N,   N,      N,   N],
  ['support-proposal',            'admin',                  N,   N,      N,   N,      N,   N],

  ['manage-delegation-members',   'delegate',               N,   N,      N,   N,      N,   N],
  ['manage-delegation-members',   'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['manage-delegation-members',   'secretariat',            N,   N,      N,   N,      N,   N],
  ['manage-delegation-members',   'chair',                  N,   N,      N,   N,      N,   N],
  ['manage-delegation-members',   'observer',               Y,   N,      N,   N,      N,   N],
  ['manage-delegation-members',   'admin',                  N,   N,      N,   N,      N,   N],

  ['manage-committee',            'delegate',               N,   N,      N,   N,      N,   N],
  ['manage-committee',            'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['manage-committee',            'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['manage-committee',            'chair',                  N,   N,      N,   N,      N,   N],
  ['manage-committee',            'observer',               N,   N,      N,   N,      N,   N],
  ['manage-committee',            'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['invite-user',                 'delegate',               N,   N,      N,   N,      N,   N],
  ['invite-user',                 'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['invite-user',                 'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['invite-user',                 'chair',                  N,   N,      N,   N,      N,   N],
  ['invite-user',                 'observer',               N,   N,      N,   N,      N,   N],
  ['invite-user',                 'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['import-instrument',           'delegate',               N,   N,      N,   N,      N,   N],
  ['import-instrument',           'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['import-instrument',           'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['import-instrument',           'chair',                  N,   N,      N,   N,      N,   N],
  ['import-instrument',           'observer',               N,   N,      N,   N,      N,   N],
  ['import-instrument',           'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['compile',                     'delegate',               N,   N,      N,   N,      N,   N],
  ['compile',                     'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['compile',                     'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['compile',                     'chair',                  N,   N,      N,   N,      N,   N],
  ['compile',                     'observer',               N,   N,      N,   N,      N,   N],
  ['compile',                     'admin',                  N,   N,      N,   N,      N,   N],

  ['edit-consolidated',           'delegate',               N,   N,      N,   N,      N,   N],
  ['edit-consolidated',           'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['edit-consolidated',           'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['edit-consolidated',           'chair',                  N,   N,      N,   N,      N,   N],
  ['edit-consolidated',           'observer',               N,   N,      N,   N,      N,   N],
  ['edit-consolidated',           'admin',                  N,   N,      N,   N,      N,   N],

  ['set-provision-status',        'delegate',               N,   N,      N,   N,      N,   N],
  ['set-provision-status',        'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['set-provision-status',        'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['set-provision-status',        'chair',                  N,   N,      Y,   Y,      Y,   Y],
  ['set-provision-status',        'observer',               N,   N,      N,   N,      N,   N],
  ['set-provision-status',        'admin',                  N,   N,      N,   N,      N,   N],

  ['publish-revision',            'delegate',               N,   N,      N,   N,      N,   N],
  ['publish-revision',            'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['publish-revision',            'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['publish-revision',            'chair',                  N,   N,      N,   N,      N,   N],
  ['publish-revision',            'observer',               N,   N,      N,   N,      N,   N],
  ['publish-revision',            'admin',                  N,   N,      N,   N,      N,   N],

  ['author-chair-proposal',       'delegate',               N,   N,      N,   N,      N,   N],
  ['author-chair-proposal',       'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['author-chair-proposal',       'secretariat',            N,   N,      N,   N,      N,   N],
  ['author-chair-proposal',       'chair',                  N,   N,      Y,   Y,      Y,   Y],
  ['author-chair-proposal',       'observer',               N,   N,      N,   N,      N,   N],
  ['author-chair-proposal',       'admin',                  N,   N,      N,   N,      N,   N],

  ['view-audit',                  'delegate',               N,   N,      N,   N,      N,   N],
  ['view-audit',                  'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['view-audit',                  'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['view-audit',                  'chair',                  N,   N,      N,   N,      N,   N],
  ['view-audit',                  'observer',               N,   N,      N,   N,      N,   N],
  ['view-audit',                  'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['archive-committee',           'delegate',               N,   N,      N,   N,      N,   N],
  ['archive-committee',           'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['archive-committee',           'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['archive-committee',           'chair',                  N,   N,      N,   N,      N,   N],
  ['archive-committee',           'observer',               N,   N,      N,   N,      N,   N],
  ['archive-committee',           'admin',                  N,   N,      Y,   Y,      Y,   Y],

  ['administer-mail',             'delegate',               N,   N,      N,   N,      N,   N],
  ['administer-mail',             'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['administer-mail',             'secretariat',            N,   N,      N,   N,      N,   N],
  ['administer-mail',             'chair',                  N,   N,      N,   N,      N,   N],
  ['administer-mail',             'observer',               N,   N,      N,   N,      N,   N],
  ['administer-mail',             'admin',                  N,   N,      Y,   Y,      Y,   Y],
  ['manage-comment-period',       'delegate',               N,   N,      N,   N,      N,   N],
  ['manage-comment-period',       'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['manage-comment-period',       'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['manage-comment-period',       'chair',                  N,   N,      N,   N,      N,   N],
  ['manage-comment-period',       'observer',               N,   N,      N,   N,      N,   N],
  ['manage-comment-period',       'admin',                  N,   N,      N,   N,      N,   N],

  ['draft-written-comment',       'delegate',               Y,   N,      N,   N,      N,   N],
  ['draft-written-comment',       'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['draft-written-comment',       'secretariat',            N,   N,      N,   N,      N,   N],
  ['draft-written-comment',       'chair',                  N,   N,      N,   N,      N,   N],
  ['draft-written-comment',       'observer',               Y,   N,      N,   N,      N,   N],
  ['draft-written-comment',       'admin',                  N,   N,      N,   N,      N,   N],

  ['submit-written-comment',      'delegate',               N,   N,      N,   N,      N,   N],
  ['submit-written-comment',      'head-of-delegation',     Y,   N,      N,   N,      N,   N],
  ['submit-written-comment',      'secretariat',            N,   N,      N,   N,      N,   N],
  ['submit-written-comment',      'chair',                  N,   N,      N,   N,      N,   N],
  ['submit-written-comment',      'observer',               Y,   N,      N,   N,      N,   N],
  ['submit-written-comment',      'admin',                  N,   N,      N,   N,      N,   N],

  ['record-disposition',          'delegate',               N,   N,      N,   N,      N,   N],
  ['record-disposition',          'head-of-delegation',     N,   N,      N,   N,      N,   N],
  ['record-disposition',          'secretariat',            N,   N,      Y,   Y,      Y,   Y],
  ['record-disposition',          'chair',                  N,   N,      N,   N,      N,   N],
  ['record-disposition',          'observer',               N,   N,      N,   N,      N,   N],
  ['record-disposition',          'admin',                  N,   N,      N,   N,      N,   N],
];

/** Anonymous visitors have no delegation, so ownership does not matter: one cell per tier. */
type AnonymousRow = readonly [action: Action, delegationTier: boolean, committeeTier: boolean, publicTier: boolean];

// prettier-ignore
const ANONYMOUS_MATRIX: readonly AnonymousRow[] = [
  // action                       delegation  committee  public
  ['read',                        N,          N,         Y],
  ['comment',                     N,          N,         N],
  ['edit-draft',                  N,          N,         N],
  ['submit-proposal',             N,          N,         N],
  ['withdraw-proposal',           N,          N,         N],
  ['accept-cosponsorship',        N,          N,         N],
  ['support-proposal',            N,          N,         N],
  ['manage-delegation-members',   N,          N,         N],
  ['manage-committee',            N,          N,         N],
  ['invite-user',                 N,          N,         N],
  ['import-instrument',           N,          N,         N],
  ['compile',                     N,          N,         N],
  ['edit-consolidated',           N,          N,         N],
  ['set-provision-status',        N,          N,         N],
  ['publish-revision',            N,          N,         N],
  ['author-chair-proposal',       N,          N,         N],
  ['view-audit',                  N,          N,         N],
  ['archive-committee',           N,          N,         N],
  ['administer-mail',             N,          N,         N],
  ['manage-comment-period',       N,          N,         N],
  ['draft-written-comment',       N,          N,         N],
  ['submit-written-comment',      N,          N,         N],
  ['record-disposition',          N,          N,         N],
];

const MATRIX_COLUMNS = [
  { tier: 'delegation', owners: owned, whose: "their delegation's" },
  { tier: 'delegation', owners: notOwned, whose: "another delegation's" },
  { tier: 'committee', owners: owned, whose: "their delegation's" },
  { tier: 'committee', owners: notOwned, whose: "another delegation's" },
  { tier: 'public', owners: owned, whose: "their delegation's" },
  { tier: 'public', owners: notOwned, whose: "another delegation's" },
] as const satisfies readonly { tier: Tier; owners: readonly string[]; whose: string }[];

const ANONYMOUS_COLUMNS: readonly Tier[] = ['delegation', 'committee', 'public'];

function verdict(allowed: boolean): 'allows' | 'denies' {
  return allowed ? 'allows' : 'denies';
}

function withArticle(role: Role): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

const roleCases = MATRIX.flatMap(([action, role, ...cells]) =>
  cells.map((allowed, column) => {
    const { tier, owners, whose } = MATRIX_COLUMNS[column] ?? MATRIX_COLUMNS[0];
    return { action, role, tier, owners, whose, allowed, verdict: verdict(allowed) };
  }),
);

const anonymousCases = ANONYMOUS_MATRIX.flatMap(([action, ...cells]) =>
  cells.map((allowed, column) => {
    const tier = ANONYMOUS_COLUMNS[column] ?? 'public';
    return { action, tier, allowed, verdict: verdict(allowed) };
  }),
);

const OWN_COMMITTEE = 'committee-own';
const OTHER_COMMITTEE = 'committee-other';

function user(roles: readonly Role[], delegationId: string | null = OWN_DELEGATION, committeeId: string | null = OWN_COMMITTEE): Subject {
  return { userId: 'user-1', roles, delegationId, committeeId };
}

function expectedDecision(allowed: boolean): unknown {
  return allowed ? { allowed: true } : { allowed: false, reason: expect.stringMatching(/^[A-Z].+[a-z]$/) };
}

interface UnionCase {
  readonly roles: readonly Role[];
  readonly action: Action;
  readonly resource: Resource;
  readonly allowed: boolean;
}

/** A user with several roles gets the union of their rights, but each right keeps its own tiers. */
const UNION_CASES: readonly UnionCase[] = [
  { roles: ['observer', 'chair'], action: 'set-provision-status', resource: { tier: 'committee' }, allowed: true },
  { roles: ['observer', 'delegate'], action: 'comment', resource: { tier: 'committee' }, allowed: true },
  { roles: ['delegate', 'chair'], action: 'read', resource: { tier: 'delegation', owners: owned }, allowed: true },
  { roles: ['delegate', 'chair'], action: 'set-provision-status', resource: { tier: 'delegation', owners: owned }, allowed: false },
  { roles: ['head-of-delegation', 'secretariat'], action: 'compile', resource: { tier: 'committee' }, allowed: true },
  { roles: ['head-of-delegation', 'secretariat'], action: 'submit-proposal', resource: { tier: 'delegation', owners: owned }, allowed: true },
  { roles: ['head-of-delegation', 'secretariat'], action: 'compile', resource: { tier: 'delegation', owners: owned }, allowed: false },
];

interface EdgeCase {
  readonly when: string;
  readonly subject: Subject;
  readonly action: Action;
  readonly resource: Resource;
  readonly allowed: boolean;
}

// prettier-ignore
const EDGE_CASES: readonly EdgeCase[] = [
  { when: 'a head without a delegation supports a proposal',
    subject: user(['head-of-delegation'], null), action: 'support-proposal', resource: { tier: 'committee', owners: notOwned }, allowed: false },
  { when: 'a head supports a proposal that lists no owners',
    subject: user(['head-of-delegation']), action: 'support-proposal', resource: { tier: 'public' }, allowed: true },
  { when: 'a delegate without a delegation reads a delegation record',
    subject: user(['delegate'], null), action: 'read', resource: { tier: 'delegation', owners: owned }, allowed: false },
  { when: 'a delegate reads a delegation record that lists no owners',
    subject: user(['delegate']), action: 'read', resource: { tier: 'delegation' }, allowed: false },
  { when: 'a secretariat user reads a delegation record owned by the secretariat delegation',
    subject: user(['secretariat'], 'del-secretariat'), action: 'read', resource: { tier: 'delegation', owners: ['del-secretariat'] }, allowed: false },
  { when: 'a signed-in user without roles reads a public record',
    subject: user([], null), action: 'read', resource: { tier: 'public' }, allowed: true },
  { when: 'a signed-in user without roles comments on a public record',
    subject: user([], null), action: 'comment', resource: { tier: 'public' }, allowed: true },
  { when: 'a signed-in user without roles reads a committee record',
    subject: user([], null), action: 'read', resource: { tier: 'committee' }, allowed: false },
];

interface ReasonCase {
  readonly when: string;
  readonly subject: Subject | null;
  readonly action: Action;
  readonly resource: Resource;
  readonly reason: string;
}

// prettier-ignore
const REASON_CASES: readonly ReasonCase[] = [
  { when: 'an anonymous visitor comments on a public record',
    subject: null, action: 'comment', resource: { tier: 'public' },
    reason: 'Anonymous users may only read public records' },
  { when: 'an observer reads a committee record',
    subject: user(['observer'], null), action: 'read', resource: { tier: 'committee' },
    reason: 'Observers may only read public records' },
  { when: "an observer comments on another delegation's record",
    subject: user(['observer']), action: 'comment', resource: { tier: 'delegation', owners: notOwned },
    reason: 'Observers may only read public records' },
  { when: 'a user without roles reads a committee record',
    subject: user([], null), action: 'read', resource: { tier: 'committee' },
    reason: 'Only delegations, the secretariat, the chair and administrators may read committee records' },
  { when: 'the secretariat compiles a delegation record',
    subject: user(['secretariat']), action: 'compile', resource: { tier: 'delegation', owners: notOwned },
    reason: 'Only members of an owning delegation may read delegation records' },
  { when: 'a delegate submits their delegation draft',
    subject: user(['delegate']), action: 'submit-proposal', resource: { tier: 'delegation', owners: owned },
    reason: 'Only the head of an owning delegation may submit its delegation drafts' },
  { when: 'a head supports their own proposal',
    subject: user(['head-of-delegation']), action: 'support-proposal', resource: { tier: 'committee', owners: owned },
    reason: "Only the head of another delegation may support a delegation's committee or public proposal" },
  { when: 'the chair compiles',
    subject: user(['chair']), action: 'compile', resource: { tier: 'committee' },
    reason: 'Only the secretariat may compile proposals' },
];

describe(decide.name, () => {
  it('has exactly one matrix row for every action and role', () => {
    const rows = MATRIX.map(([action, role]) => `${action} ${role}`).sort();
    const expected = ACTIONS.flatMap((action) => ROLES.map((role) => `${action} ${role}`)).sort();
    expect(rows).toEqual(expected);
    expect(ANONYMOUS_MATRIX.map(([action]) => action)).toEqual(ACTIONS);
  });

  it.each(
    titled(roleCases, (c) => `${c.verdict} ${c.action} when ${withArticle(c.role)} acts on ${c.whose} ${c.tier} record`),
  )('%s', (_title, { action, role, tier, owners, allowed }) => {
    expect(decide(user([role]), action, { tier, owners })).toEqual(expectedDecision(allowed));
  });

  it.each(titled(anonymousCases, (c) => `${c.verdict} ${c.action} when an anonymous visitor acts on a ${c.tier} record`))(
    '%s',
    (_title, { action, tier, allowed }) => {
      expect(decide(null, action, { tier, owners: owned })).toEqual(expectedDecision(allowed));
    },
  );

  it.each(
    titled(
      UNION_CASES,
      (c) => `${verdict(c.allowed)} ${c.action} on a ${c.resource.tier} record when a user holds ${c.roles.join(' and ')}`,
    ),
  )('%s', (_title, { roles, action, resource, allowed }) => {
    expect(can(user(roles), action, resource)).toBe(allowed);
  });

  it.each(titled(EDGE_CASES, (c) => `${verdict(c.allowed)} it when ${c.when}`))(
    '%s',
    (_title, { subject, action, resource, allowed }) => {
      expect(can(subject, action, resource)).toBe(allowed);
    },
  );

  it.each(titled(REASON_CASES, (c) => `gives the reason ${show(c.reason)} when ${c.when}`))(
    '%s',
    (_title, { subject, action, resource, reason }) => {
      expect(decide(subject, action, resource)).toEqual({ allowed: false, reason });
    },
  );
});

/**
 * The same matrix for a record of another committee: below the public tier it is concealed from everyone but
 * administrators (the caller answers as if it did not exist); a public one is read, never acted on.
 */
const foreignCases = roleCases.map((c) => {
  const admin = c.role === 'admin';
  const allowed = admin ? c.allowed : c.tier === 'public' && c.action === 'read' && c.allowed;
  const concealed = !admin && c.tier !== 'public';
  return { ...c, allowed, concealed, outcome: allowed ? 'allows' : concealed ? 'conceals' : 'denies' };
});

interface CommitteeCase {
  readonly when: string;
  readonly subject: Subject | null;
  readonly action: Action;
  readonly resource: Resource;
  readonly expected: 'allowed' | 'denied' | 'concealed';
}

// prettier-ignore
const COMMITTEE_CASES: readonly CommitteeCase[] = [
  { when: 'a delegate reads a committee record of their own committee',
    subject: user(['delegate']), action: 'read', resource: { tier: 'committee', committeeId: OWN_COMMITTEE }, expected: 'allowed' },
  { when: 'a record gives no committee (a general question about a role)',
    subject: user(['secretariat']), action: 'compile', resource: { tier: 'committee' }, expected: 'allowed' },
  { when: 'a user of no committee reads a committee record',
    subject: user(['secretariat'], null, null), action: 'read', resource: { tier: 'committee', committeeId: OWN_COMMITTEE }, expected: 'concealed' },
  { when: 'an administrator of no committee publishes in a committee',
    subject: user(['admin'], null, null), action: 'manage-committee', resource: { tier: 'committee', committeeId: OWN_COMMITTEE }, expected: 'allowed' },
  { when: "a head of another committee's delegation owning the record edits it",
    subject: user(['head-of-delegation']), action: 'edit-draft', resource: { tier: 'delegation', owners: owned, committeeId: OTHER_COMMITTEE }, expected: 'concealed' },
  { when: 'the secretariat of another committee sets the status of a public provision',
    subject: user(['secretariat']), action: 'set-provision-status', resource: { tier: 'public', committeeId: OTHER_COMMITTEE }, expected: 'denied' },
  { when: "an observer of another committee comments on a public record",
    subject: user(['observer']), action: 'comment', resource: { tier: 'public', committeeId: OTHER_COMMITTEE }, expected: 'denied' },
  { when: 'an observer of another committee reads a committee record',
    subject: user(['observer']), action: 'read', resource: { tier: 'committee', committeeId: OTHER_COMMITTEE }, expected: 'concealed' },
  { when: 'an anonymous visitor reads a public record of a committee',
    subject: null, action: 'read', resource: { tier: 'public', committeeId: OTHER_COMMITTEE }, expected: 'allowed' },
  { when: 'an anonymous visitor reads a committee record',
    subject: null, action: 'read', resource: { tier: 'committee', committeeId: OTHER_COMMITTEE }, expected: 'denied' },
];

function outcomeOf(subject: Subject | null, action: Action, resource: Resource): 'allowed' | 'denied' | 'concealed' {
  const decision = decide(subject, action, resource);
  if (decision.allowed) return 'allowed';
  return decision.concealed ? 'concealed' : 'denied';
}

describe(`${decide.name} across committees`, () => {
  it.each(
    titled(foreignCases, (c) => `${c.outcome} ${c.action} when ${withArticle(c.role)} acts on ${c.whose} ${c.tier} record of another committee`),
  )('%s', (_title, { action, role, tier, owners, allowed, concealed }) => {
    const decision = decide(user([role]), action, { tier, owners, committeeId: OTHER_COMMITTEE });
    expect(decision.allowed).toBe(allowed);
    expect(!decision.allowed && decision.concealed === true).toBe(concealed);
  });

  it.each(
    titled(roleCases, (c) => `${c.verdict} ${c.action} when ${withArticle(c.role)} acts on ${c.whose} ${c.tier} record of their own committee`),
  )('%s', (_title, { action, role, tier, owners, allowed }) => {
    expect(decide(user([role]), action, { tier, owners, committeeId: OWN_COMMITTEE })).toEqual(expectedDecision(allowed));
  });

  it.each(titled(COMMITTEE_CASES, (c) => `answers ${c.expected} when ${c.when}`))('%s', (_title, { subject, action, resource, expected }) => {
    expect(outcomeOf(subject, action, resource)).toBe(expected);
  });

  it('gives a concealed denial no detail that tells a foreign record from a missing one', () => {
    expect(decide(user(['secretariat']), 'read', { tier: 'committee', committeeId: OTHER_COMMITTEE })).toEqual({
      allowed: false,
      reason: 'No such record',
      concealed: true,
    });
  });
});

describe(can.name, () => {
  // prettier-ignore
  const cases = [
    { who: 'the chair', subject: user(['chair']), action: 'author-chair-proposal', resource: { tier: 'committee' }, allowed: true },
    { who: 'the chair', subject: user(['chair']), action: 'compile', resource: { tier: 'committee' }, allowed: false },
    { who: 'an anonymous visitor', subject: null, action: 'read', resource: { tier: 'public' }, allowed: true },
  ] as const;

  it.each(titled(cases, (c) => `returns ${c.allowed} when ${c.who} tries ${c.action} on a ${c.resource.tier} record`))(
    '%s',
    (_title, { subject, action, resource, allowed }) => {
      expect(can(subject, action, resource)).toBe(allowed);
      expect(decide(subject, action, resource).allowed).toBe(allowed);
    },
  );
});
