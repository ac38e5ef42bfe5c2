import { consolidatedDocument, provisionRef, type Role } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import {
  type AuditReader,
  type AuditRow,
  commentScope,
  presentRow,
  proposalScope,
  REDACTED_ACTION,
  recordsToLookUp,
  type RecordScope,
  refKey,
  scopeOf,
  spaceScope,
  subjectRecord,
  writtenCommentScope,
} from './audit-visibility';

const INSTRUMENT = '5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';

function reader(roles: Role[], delegationId: string | null, committeeId = 'c1'): AuditReader {
  return { subject: { userId: 'reader', roles, delegationId, committeeId }, committeeId };
}

const READERS = {
  secretariat: reader(['secretariat'], 'SEC'),
  admin: reader(['admin'], null, 'c9'),
  egyptHead: reader(['head-of-delegation'], 'EGY'),
  brazilHead: reader(['head-of-delegation'], 'BRA'),
  otherSecretariat: reader(['secretariat'], 'SEC2', 'c2'),
} as const;
type Reader = keyof typeof READERS;

let seq = 0;
function row(entityType: string, entityId: string, after: object | null = null, actorId: string | null = 'u-egypt'): AuditRow {
  seq += 1;
  return { seq, at: new Date('2026-12-06T10:00:00Z'), actorId, action: `${entityType}.something`, entityType, entityId, before: null, after: after && JSON.stringify(after), hash: `h${seq}` };
}

const SCOPES = new Map<string, RecordScope>([
  [refKey({ kind: 'user', id: 'u-egypt' }), { committeeId: 'c1' }],
  [refKey({ kind: 'user', id: 'u-other' }), { committeeId: 'c2' }],
  [refKey({ kind: 'drafting_space', id: 'space-egypt' }), spaceScope({ committeeId: 'c1', ownerDelegationId: 'EGY', coSponsorIds: ['BRA'] })],
  [refKey({ kind: 'comment', id: 'comment-internal' }), commentScope({ committeeId: 'c1', tier: 'delegation', authorDelegationId: 'EGY' })],
  [refKey({ kind: 'comment', id: 'comment-open' }), commentScope({ committeeId: 'c1', tier: 'committee', authorDelegationId: 'EGY' })],
  [refKey({ kind: 'instrument', id: INSTRUMENT }), { committeeId: 'c1' }],
  [refKey({ kind: 'committee', id: 'c2' }), { committeeId: 'c2' }],
  [refKey({ kind: 'written_comment', id: 'written-draft' }), writtenCommentScope({ committeeId: 'c1', status: 'draft', delegationId: 'EGY' })],
  [refKey({ kind: 'written_comment', id: 'written-submitted' }), writtenCommentScope({ committeeId: 'c1', status: 'submitted', delegationId: 'EGY' })],
]);

const ROWS = {
  spaceCreated: row('drafting_space', 'space-egypt', { ownerDelegationId: 'EGY', provisionIds: ['art-7'] }),
  internalComment: row('comment', 'comment-internal', { tier: 'delegation' }),
  openComment: row('comment', 'comment-open', { tier: 'committee' }),
  provisionStatus: row('provision', provisionRef(consolidatedDocument(INSTRUMENT, 'en'), 'art-7'), { status: 'agreed' }, 'u-sec'),
  login: row('auth_session', 'session-1', null, 'u-egypt'),
  otherCommittee: row('committee', 'c2', { name: 'Second' }, 'u-other'),
  lostSpace: row('drafting_space', 'space-gone', { ownerDelegationId: 'EGY' }),
  lostInternalComment: row('comment', 'comment-gone', { tier: 'delegation' }),
  system: row('mystery', 'x', null, null),
  writtenDraft: row('written_comment', 'written-draft', { periodId: 'p1', delegationId: 'EGY', remarks: 2 }),
  writtenSubmitted: row('written_comment', 'written-submitted', { number: 1, late: false }),
  writtenDiscarded: row('written_comment', 'written-gone'),
} as const;
type RowName = keyof typeof ROWS;

describe(presentRow.name, () => {
  // full: every field; redacted: only that something happened, and when; hidden: not listed at all.
  it.each<[RowName, Reader, 'full' | 'redacted' | 'hidden']>([
    ['spaceCreated', 'secretariat', 'redacted'],
    ['spaceCreated', 'admin', 'redacted'],
    ['spaceCreated', 'egyptHead', 'full'],
    ['spaceCreated', 'brazilHead', 'full'],
    ['spaceCreated', 'otherSecretariat', 'hidden'],
    ['internalComment', 'secretariat', 'redacted'],
    ['internalComment', 'brazilHead', 'redacted'],
    ['internalComment', 'egyptHead', 'full'],
    ['openComment', 'secretariat', 'full'],
    ['openComment', 'otherSecretariat', 'hidden'],
    ['provisionStatus', 'secretariat', 'full'],
    ['provisionStatus', 'otherSecretariat', 'hidden'],
    ['login', 'secretariat', 'full'],
    ['login', 'otherSecretariat', 'hidden'],
    ['otherCommittee', 'secretariat', 'hidden'],
    ['otherCommittee', 'otherSecretariat', 'full'],
    ['otherCommittee', 'admin', 'full'],
    ['lostSpace', 'secretariat', 'redacted'],
    ['lostSpace', 'egyptHead', 'redacted'],
    ['lostInternalComment', 'secretariat', 'redacted'],
    ['system', 'secretariat', 'hidden'],
    ['system', 'admin', 'full'],
    ['writtenDraft', 'secretariat', 'redacted'],
    ['writtenDraft', 'admin', 'redacted'],
    ['writtenDraft', 'brazilHead', 'redacted'],
    ['writtenDraft', 'egyptHead', 'full'],
    ['writtenSubmitted', 'secretariat', 'full'],
    ['writtenSubmitted', 'otherSecretariat', 'hidden'],
    ['writtenDiscarded', 'secretariat', 'redacted'],
  ])('shows %s to %s: %s', (name, who, expected) => {
    const entry = ROWS[name];
    const view = presentRow(READERS[who], entry, scopeOf(entry, SCOPES));
    const outcome = view === null ? 'hidden' : view.redacted ? 'redacted' : 'full';
    expect(outcome).toBe(expected);
  });

  it('keeps nothing of a redacted row but its position, time and hash', () => {
    const view = presentRow(READERS.secretariat, ROWS.spaceCreated, scopeOf(ROWS.spaceCreated, SCOPES));
    expect(view).toEqual({
      seq: ROWS.spaceCreated.seq,
      at: '2026-12-06T10:00:00.000Z',
      actorId: null,
      action: REDACTED_ACTION,
      entityType: '',
      entityId: '',
      before: null,
      after: null,
      hash: ROWS.spaceCreated.hash,
      redacted: true,
    });
    expect(JSON.stringify(view)).not.toMatch(/space-egypt|EGY|art-7|u-egypt/);
  });

  it('parses the stored JSON of a row shown in full', () => {
    expect(presentRow(READERS.egyptHead, ROWS.spaceCreated, scopeOf(ROWS.spaceCreated, SCOPES))?.after).toEqual({ ownerDelegationId: 'EGY', provisionIds: ['art-7'] });
  });
});

describe(subjectRecord.name, () => {
  it.each<[string, string, ReturnType<typeof subjectRecord>]>([
    ['drafting_space', 'a', { kind: 'drafting_space', id: 'a' }],
    ['provision', provisionRef(consolidatedDocument(INSTRUMENT, 'fr'), 'art-2'), { kind: 'instrument', id: INSTRUMENT }],
    ['provision', 'nonsense', null],
    ['auth_session', 's', null],
  ])('finds the record of a %s row %s', (entityType, entityId, expected) => {
    expect(subjectRecord({ entityType, entityId })).toEqual(expected);
  });

  it('looks every record and actor up once', () => {
    const refs = recordsToLookUp([ROWS.spaceCreated, ROWS.internalComment, ROWS.login, ROWS.spaceCreated]);
    expect(refs.map(refKey).sort()).toEqual(['comment:comment-internal', 'drafting_space:space-egypt', 'user:u-egypt']);
  });
});

describe(proposalScope.name, () => {
  it('keeps an unsubmitted proposal to its sponsors and gives a submitted one to the committee', () => {
    expect(proposalScope({ committeeId: 'c1', status: 'draft', sponsorDelegationId: 'EGY', coSponsorIds: ['BRA'] })).toEqual({ committeeId: 'c1', delegationOwners: ['EGY', 'BRA'] });
    expect(proposalScope({ committeeId: 'c1', status: 'submitted', sponsorDelegationId: 'EGY', coSponsorIds: [] })).toEqual({ committeeId: 'c1' });
  });

  it('gives a delegation-tier comment without an author delegation to nobody', () => {
    expect(commentScope({ committeeId: 'c1', tier: 'delegation', authorDelegationId: null })).toEqual({ committeeId: 'c1', delegationOwners: [] });
  });
});
