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
  /**
   * The connection fell too far behind reading what the server sent (a reader that does not read): reconnect,
   * since a fresh sync is smaller than the backlog.
   */
  behind: 4002,
  /** An update depended on changes the server does not hold yet (it arrived out of order): reconnect and sync. */
  outOfOrder: 4003,
  /** Too many presence or sync requests in a short time: reconnect later. */
  throttled: 4004,
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
  /**
   * An update that does not apply to the document, or that would leave text the treaty schema does not accept;
   * nothing of it was stored or relayed.
   */
  rejected: 4422,
  /**
   * An update that touches a provision agreed (informally or ad referendum): agreed text is changed only after the
   * Chair or the secretariat reopens the provision. Nothing of it was stored or relayed; the reason is `agreed`.
   */
  agreed: 4423,
  /** Too many documents loading at once for this user. */
  tooManyLoads: 4429,
  /** The document could not be loaded from the database; it is never replaced by an empty one. */
  loadFailed: 4500,
} as const;
