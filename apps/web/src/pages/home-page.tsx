import { Navigate } from 'react-router';
import { api } from '../api';
import { useUser } from '../auth';
import { ErrorAlert, Loading } from '../components/error-alert';
import { useI18n } from '../i18n/i18n-context';
import { useResource } from '../use-resource';

/**
 * `/`: sends the signed-in user to the page made for their role: an observer to the reading room (what is published
 * and what it may comment on), everyone else to their committee, or to the first committee they can see.
 */
export function HomePage() {
  const user = useUser();
  if (isObserverOnly(user.roles)) return <Navigate to="/reading-room" replace />;
  return <CommitteeLanding />;
}

/** Whether every role of a user is `observer`: such a user reads what is published, nothing of the committee's. */
export function isObserverOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'observer');
}

function CommitteeLanding() {
  const { t } = useI18n();
  const user = useUser();
  const { resource, reload } = useResource(() => api.committees(), [user.id]);

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorAlert error={resource.error} onRetry={reload} />;
  const committee = resource.data.find((item) => item.id === user.committeeId) ?? resource.data[0];
  if (committee === undefined) return <p className="empty">{t('home.noCommittee')}</p>;
  return <Navigate to={`/committees/${encodeURIComponent(committee.id)}`} replace />;
}
