import { decide, type Language } from '@concord/domain';
import { Link } from 'react-router';
import { subjectOf, useUser } from '../auth';
import { languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { compileDeskPath } from './desk-routes';
import { PublishRevision } from './publish-dialog';
import './desk.css';

/** Whether the signed-in user works the compile desk (the secretariat). */
function useMayCompile(): boolean {
  const user = useUser();
  return decide(subjectOf(user), 'compile', { tier: 'committee' }).allowed;
}

/** On the dashboard, under an instrument: a link to its compile desk in each language version, for the secretariat. */
export function DeskLinks({
  committeeId,
  instrumentId,
  languages,
}: {
  committeeId: string;
  instrumentId: string;
  languages: readonly Language[];
}) {
  const { t, language } = useI18n();
  const mayCompile = useMayCompile();
  if (!mayCompile || languages.length === 0) return null;
  return (
    <ul className="draft-links desk-links">
      {languages.map((code) => (
        <li key={code}>
          <Link className="desk-link" to={compileDeskPath(committeeId, instrumentId, code)}>
            {t('desk.openDesk', { language: languageName(code, language) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Above the consolidated draft, for the secretariat: the way to its compile desk and the publish dialog. */
export function DraftDeskTools({
  committeeId,
  instrumentId,
  textLanguage,
}: {
  committeeId: string;
  instrumentId: string;
  textLanguage: Language;
}) {
  const { t } = useI18n();
  const user = useUser();
  const subject = subjectOf(user);
  const mayCompile = decide(subject, 'compile', { tier: 'committee' }).allowed;
  const mayPublish = decide(subject, 'publish-revision', { tier: 'committee' }).allowed;
  if (!mayCompile && !mayPublish) return null;
  return (
    <div className="desk-toolbar desk-draft-tools" role="group" aria-label={t('desk.tools')}>
      {mayCompile && (
        <Link className="desk-button-link" to={compileDeskPath(committeeId, instrumentId, textLanguage)}>
          {t('desk.openDeskHere')}
        </Link>
      )}
      {mayPublish && <PublishRevision committeeId={committeeId} instrumentId={instrumentId} textLanguage={textLanguage} />}
    </div>
  );
}
