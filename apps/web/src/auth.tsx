import type { Subject } from '@concord/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, type User } from './api';
import { ErrorAlert, Loading } from './components/error-alert';

/** Who is signed in, as far as the browser knows. */
export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly reason: 'initial' | 'signed-out' | 'expired' }
  | { readonly status: 'signed-in'; readonly user: User }
  | { readonly status: 'unknown'; readonly error: unknown };

/** The session and the ways to change it. */
export interface Auth {
  readonly state: AuthState;
  readonly signIn: (email: string, password: string) => Promise<User>;
  readonly acceptInvitation: (token: string, password: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
  /** Called when a request answers 401: the session cookie expired or was revoked. */
  readonly sessionExpired: () => void;
  readonly reload: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/** Asks the server who is signed in (the session is an httpOnly cookie the page cannot read). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.me().then(
      (user) => current && setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out', reason: 'initial' });
        else setState({ status: 'unknown', error });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await api.login(email, password);
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const acceptInvitation = useCallback(async (token: string, password: string) => {
    const { user } = await api.acceptInvitation(token, password);
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      // Even if the server could not be told, this page forgets the user.
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const sessionExpired = useCallback(() => setState({ status: 'signed-out', reason: 'expired' }), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Auth>(
    () => ({ state, signIn, acceptInvitation, signOut, sessionExpired, reload }),
    [state, signIn, acceptInvitation, signOut, sessionExpired, reload],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session; only inside `AuthProvider`. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === null) throw new Error('useAuth is used outside AuthProvider.');
  return auth;
}

/** The signed-in user; only below `RequireAuth`. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useUser is used outside RequireAuth.');
  return state.user;
}

/**
 * Accepts only a path inside this application as a place to return to after signing in, so a crafted link
 * cannot send the user to another site.
 */
export function safeReturnPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** Renders its children for a signed-in user and sends anyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'unknown':
      return <ErrorAlert error={state.error} onRetry={reload} />;
    case 'signed-out': {
      const here = `${location.pathname}${location.search}`;
      const query = new URLSearchParams();
      // After a deliberate sign-out, signing in again starts afresh rather than where the user left.
      if (here !== '/' && state.reason !== 'signed-out') query.set('next', here);
      if (state.reason === 'expired') query.set('expired', '1');
      const search = query.toString();
      return <Navigate to={search === '' ? '/sign-in' : `/sign-in?${search}`} replace />;
    }
    case 'signed-in':
      return children;
  }
}

/** Whether the user may set up the committee (sessions, delegations, users, instruments). */
export function isCommitteeManager(user: User): boolean {
  return user.roles.includes('secretariat') || user.roles.includes('admin');
}

/** The user as the access policy of `@concord/domain` sees them, to show only what the server will allow. */
export function subjectOf(user: User): Subject {
  return { userId: user.id, roles: user.roles, delegationId: user.delegationId, committeeId: user.committeeId };
}
