import { Navigate } from 'react-router';
import { api } from '../api';
import { useUser } from '../auth';
import { ErrorAlert, Loading } from '../components/error-alert';
import { useI18n } from '../i18n/i18n-context';
import { useResource } from '../use-resource';

/** `/`: sends the signed-in user to their committee, or to the first committee they can see. */
export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const { resource, reload } = useResource(() => api.committees(), [user.id]);

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorAlert error={resource.error} onRetry={reload} />;
  const committee = resource.data.find((item) => item.id === user.committeeId) ?? resource.data[0];
  if (committee === undefined) return <p className="empty">{t('home.noCommittee')}</p>;
  return <Navigate to={`/committees/${encodeURIComponent(committee.id)}`} replace />;
}
