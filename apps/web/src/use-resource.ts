import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from './api';
import { useAuth } from './auth';

/** The state of data being fetched. */
export type Resource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Loads data when the component mounts and whenever `deps` change, ignoring answers that arrive after a newer
 * request started. A 401 ends the session, which sends the user to the sign-in page.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList) {
  const { sessionExpired } = useAuth();
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setResource({ status: 'loading' });
    load().then(
      (data) => current && setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) sessionExpired();
        setResource({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` say when it actually changes.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** Changes loaded data in place, after a successful create, without fetching again. */
  const update = useCallback((change: (data: T) => T) => {
    setResource((previous) => (previous.status === 'ready' ? { status: 'ready', data: change(previous.data) } : previous));
  }, []);

  return { resource, reload, update };
}
