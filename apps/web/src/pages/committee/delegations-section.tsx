import type { Delegation } from '../../api';
import { ErrorAlert, Loading } from '../../components/error-alert';
import { formatList } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { pickLocalizedEntry } from '../../localized';
import type { Resource } from '../../use-resource';

/** The committee's delegations by code, with their name in the reader's language and the groups they belong to. */
export function DelegationsSection({
  resource,
  onRetry,
}: {
  resource: Resource<readonly Delegation[]>;
  onRetry: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="delegations-heading">
      <h2 id="delegations-heading">{t('delegations.title')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={onRetry} />}
      {resource.status === 'ready' && resource.data.length === 0 && <p className="empty">{t('delegations.empty')}</p>}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="delegations-heading">
            <thead>
              <tr>
                <th scope="col">{t('delegations.code')}</th>
                <th scope="col">{t('delegations.name')}</th>
                <th scope="col">{t('delegations.kind')}</th>
                <th scope="col">{t('delegations.groups')}</th>
              </tr>
            </thead>
            <tbody>
              {[...resource.data]
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((delegation) => {
                  const name = pickLocalizedEntry(delegation.names, language);
                  const groups = delegation.groupIds.map(
                    (groupId) => resource.data.find((candidate) => candidate.id === groupId)?.code ?? groupId,
                  );
                  return (
                    <tr key={delegation.id}>
                      <td className="code">{delegation.code}</td>
                      <th scope="row" lang={name?.language}>
                        {name?.text ?? delegation.code}
                      </th>
                      <td>{t(`kind.${delegation.kind}`)}</td>
                      <td>{groups.length === 0 ? t('delegations.noGroups') : formatList(groups, language)}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
