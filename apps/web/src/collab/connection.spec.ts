import { COLLAB_CLOSE_CODES } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import {
  closeMessageKey,
  collabServerUrl,
  isPermanentClose,
  nextConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from './connection';

describe(isPermanentClose.name, () => {
  it.each([
    [COLLAB_CLOSE_CODES.unauthenticated, true],
    [COLLAB_CLOSE_CODES.forbidden, true],
    [COLLAB_CLOSE_CODES.unknownDocument, true],
    [COLLAB_CLOSE_CODES.malformed, true],
    [COLLAB_CLOSE_CODES.tooLarge, true],
    [COLLAB_CLOSE_CODES.tooManyLoads, false],
    [COLLAB_CLOSE_CODES.rejected, true],
    [COLLAB_CLOSE_CODES.agreed, true],
    [COLLAB_CLOSE_CODES.behind, false],
    [COLLAB_CLOSE_CODES.outOfOrder, false],
    [COLLAB_CLOSE_CODES.throttled, false],
    [COLLAB_CLOSE_CODES.loadFailed, false],
    [COLLAB_CLOSE_CODES.goingAway, false],
    [COLLAB_CLOSE_CODES.rightsChanged, false],
    [1006, false],
    [1000, false],
  ])('says close code %i is permanent: %s', (code, permanent) => {
    expect(isPermanentClose(code)).toBe(permanent);
  });
});

describe(closeMessageKey.name, () => {
  it.each([
    [1001, 'collab.close.going-away'],
    [4001, 'collab.close.rights-changed'],
    [1009, 'collab.close.too-large'],
    [4400, 'collab.close.malformed'],
    [4401, 'collab.close.unauthenticated'],
    [4403, 'collab.close.forbidden'],
    [4404, 'collab.close.unknown-document'],
    [4429, 'collab.close.too-many-loads'],
    [4422, 'collab.close.rejected'],
    [4423, 'collab.close.agreed'],
    [4500, 'collab.close.load-failed'],
    [1006, 'collab.close.lost'],
    [null, 'collab.close.lost'],
  ])('explains close code %s with %s', (code, key) => {
    expect(closeMessageKey(code)).toBe(key);
  });
});

describe(nextConnectionState.name, () => {
  const connecting: ConnectionState = { kind: 'connecting' };
  const connected: ConnectionState = { kind: 'connected' };
  const offline: ConnectionState = { kind: 'offline' };
  const close = (code: number | null): ConnectionEvent => ({ type: 'connection-close', code });

  it.each<[string, ConnectionState, ConnectionEvent, ConnectionState]>([
    ['connects on the first sync', connecting, { type: 'synced' }, connected],
    ['reconnects after the server restarts', connected, close(1001), { kind: 'reconnecting', code: 1001 }],
    ['reconnects after a silent socket is closed', connected, close(null), { kind: 'reconnecting', code: null }],
    ['retries a busy server', connecting, close(4429), { kind: 'reconnecting', code: 4429 }],
    ['stops on a refused document', connecting, close(4403), { kind: 'closed', code: 4403 }],
    ['stops when the session has ended', connected, close(4401), { kind: 'closed', code: 4401 }],
    ['goes offline with the browser', connected, { type: 'browser-offline' }, offline],
    ['stays offline while sockets fail', offline, close(1006), offline],
    ['reconnects when the network returns', offline, { type: 'browser-online' }, { kind: 'reconnecting', code: null }],
    ['ignores the network returning while connected', connected, { type: 'browser-online' }, connected],
    ['keeps a permanent close', { kind: 'closed', code: 4404 }, close(1006), { kind: 'closed', code: 4404 }],
    ['keeps a permanent close when the network returns', { kind: 'closed', code: 4404 }, { type: 'browser-online' }, { kind: 'closed', code: 4404 }],
    ['connects again when the reader retries', { kind: 'closed', code: 4403 }, { type: 'retry' }, connecting],
  ])('%s', (_name, state, event, next) => {
    expect(nextConnectionState(state, event)).toEqual(next);
  });
});

describe(collabServerUrl.name, () => {
  it('uses ws: on an http page and wss: on an https page, on the same host', () => {
    expect(collabServerUrl({ protocol: 'http:', host: 'localhost:4200' })).toBe('ws://localhost:4200/collab');
    expect(collabServerUrl({ protocol: 'https:', host: 'concord.un.org' })).toBe('wss://concord.un.org/collab');
  });
});
