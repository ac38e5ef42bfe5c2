/**
 * WebSocket close codes of the collaboration server, shared by the server and its clients. Browsers cannot read
 * the HTTP status of a refused upgrade, so the server accepts the socket and closes it at once with one of these
 * codes and a reason.
 */
export const COLLAB_CLOSE_CODES = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** The user's rights on the document changed (for instance a co-sponsorship was accepted): reconnect. */
  rightsChanged: 4001,
  /** A message larger than the server accepts (the ws library's own code). */
  tooLarge: 1009,
  /** A message that is not valid y-websocket protocol, or an update Yjs cannot decode. */
  malformed: 4400,
  /** No valid session: missing, unknown, expired or signed-out token. */
  unauthenticated: 4401,
  /** Signed in, but the policy gives no access to this document, or a read-only connection sent an update. */
  forbidden: 4403,
  /** No such document. */
  unknownDocument: 4404,
  /** Too many documents loading at once for this user. */
  tooManyLoads: 4429,
  /** The document could not be loaded from the database; it is never replaced by an empty one. */
  loadFailed: 4500,
} as const;
