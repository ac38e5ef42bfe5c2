import { describe, expect, it } from 'vitest';
import { connectionDetails } from './connection-status';

describe(connectionDetails.name, () => {
  it('tells an editor that changes are saved live, and a reader that they arrive live', () => {
    expect(connectionDetails({ kind: 'connected' }, true)).toEqual(['collab.liveEditing']);
    expect(connectionDetails({ kind: 'connected' }, false)).toEqual(['collab.liveReading']);
  });

  it('gives the reason of a lost connection, and reassures an editor that changes are kept', () => {
    expect(connectionDetails({ kind: 'reconnecting', code: 1001 }, true)).toEqual(['collab.close.going-away', 'collab.keptEdits']);
    expect(connectionDetails({ kind: 'offline' }, true)).toEqual(['collab.browserOffline', 'collab.keptEdits']);
    expect(connectionDetails({ kind: 'reconnecting', code: null }, false)).toEqual(['collab.close.lost']);
  });

  it('says why the connection closed for good', () => {
    expect(connectionDetails({ kind: 'closed', code: 4403 }, true)).toEqual(['collab.close.forbidden']);
  });
});
