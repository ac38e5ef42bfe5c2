import { describe, expect, it } from 'vitest';
import { PROPOSAL_STATUSES, type ProposalStatus, canTransition, isProposalStatus } from './proposal-status';
import { show, titled } from './testing/titled';

const Y = true;
const N = false;

type TransitionRow = readonly [from: ProposalStatus, ...to: boolean[]];

// Columns follow PROPOSAL_STATUSES: draft, submitted, withdrawn, incorporated, partially-incorporated,
// presented-as-option, not-retained, superseded.
// prettier-ignore
const TRANSITIONS: readonly TransitionRow[] = [
  // from                       drft subm wdrn inc  part opt  notr supr
  ['draft',                     N,   Y,   N,   N,   N,   N,   N,   N],
  ['submitted',                 N,   N,   Y,   Y,   Y,   Y,   Y,   Y],
  ['withdrawn',                 N,   N,   N,   N,   N,   N,   N,   N],
  ['incorporated',              N,   N,   N,   N,   N,   N,   N,   N],
  ['partially-incorporated',    N,   N,   N,   N,   N,   N,   N,   N],
  ['presented-as-option',       N,   N,   N,   N,   N,   N,   N,   N],
  ['not-retained',              N,   N,   N,   N,   N,   N,   N,   N],
  ['superseded',                N,   N,   N,   N,   N,   N,   N,   N],
];

const cases = TRANSITIONS.flatMap(([from, ...cells]) =>
  cells.map((allowed, column) => ({ from, to: PROPOSAL_STATUSES[column] ?? 'draft', allowed })),
);

describe(canTransition.name, () => {
  it('has one row and one column for every status', () => {
    expect(TRANSITIONS.map(([from]) => from)).toEqual(PROPOSAL_STATUSES);
    expect(TRANSITIONS.every((row) => row.length === PROPOSAL_STATUSES.length + 1)).toBe(true);
  });

  it.each(titled(cases, (c) => `returns ${c.allowed} when a proposal moves from ${c.from} to ${c.to}`))(
    '%s',
    (_title, { from, to, allowed }) => {
      expect(canTransition(from, to)).toBe(allowed);
    },
  );
});

const GUARD_CASES = [
  { value: 'draft', expected: true },
  { value: 'superseded', expected: true },
  { value: 'rejected', expected: false },
  { value: 'Draft', expected: false },
  { value: 3, expected: false },
  { value: null, expected: false },
] as const;

describe(isProposalStatus.name, () => {
  it.each(titled(GUARD_CASES, (c) => `returns ${c.expected} when given ${show(c.value)}`))(
    '%s',
    (_title, { value, expected }) => {
      expect(isProposalStatus(value)).toBe(expected);
    },
  );
});
