import type { Role, Subject } from '@concord/domain';
import type { Request } from 'express';

/** The signed-in user as the API returns it. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly delegationId: string | null;
  readonly committeeId: string;
  /** False while an invited user has not yet set a password. */
  readonly active: boolean;
}

/** Who is making a request, resolved by the auth guard from the session cookie or bearer token. */
export interface AuthContext {
  readonly user: UserView;
  readonly subject: Subject;
  readonly sessionId: string;
}

/** An HTTP request after the auth guard has run. */
export type AuthedRequest = Request & { auth?: AuthContext };
