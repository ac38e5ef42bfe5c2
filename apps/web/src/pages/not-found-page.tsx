import { Link } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { useI18n } from '../i18n/i18n-context';

/** Any address the application does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="narrow-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
