import { Link } from 'react-router';
import { api, type Instrument } from '../../api';
import { ErrorAlert, Loading } from '../../components/error-alert';
import { formatDate, languageName } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';
import { useResource, type Resource } from '../../use-resource';
import { draftingSpacePath } from '../../routes';
import { NewDraftingSpaceForm } from './new-drafting-space-form';

/** For members of a delegation: the drafting spaces their delegation owns or co-sponsors, and a form to open one. */
export function DraftingSpacesSection({ instruments }: { instruments: Resource<readonly Instrument[]> }) {
  const { t, language } = useI18n();
  const { resource, reload } = useResource(() => api.draftingSpaces(), []);
  const known = instruments.status === 'ready' ? instruments.data : [];
  const titleOf = (instrumentId: string) => {
    const instrument = known.find((candidate) => candidate.id === instrumentId);
    return instrument === undefined
      ? undefined
      : pickLocalizedEntry(instrument.titles, language, instrument.originalLanguage);
  };

  return (
    <section className="panel" aria-labelledby="drafting-spaces-heading">
      <h2 id="drafting-spaces-heading">{t('spaces.title')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('spaces.empty')}</p>}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="drafting-spaces-heading">
            <thead>
              <tr>
                <th scope="col">{t('spaces.name')}</th>
                <th scope="col">{t('spaces.instrument')}</th>
                <th scope="col">{t('spaces.language')}</th>
                <th scope="col">{t('spaces.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((space) => {
                const title = titleOf(space.instrumentId);
                return (
                  <tr key={space.id}>
                    <th scope="row">
                      <Link to={draftingSpacePath(space.id)} dir="auto">
                        {space.title}
                      </Link>
                    </th>
                    <td lang={title?.language}>{title?.text ?? '—'}</td>
                    <td>{languageName(space.language, language)}</td>
                    <td>
                      <time dateTime={space.createdAt}>{formatDate(space.createdAt, language)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewDraftingSpaceForm instruments={known} />
    </section>
  );
}
