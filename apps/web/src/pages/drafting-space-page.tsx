import { decide, type Language } from '@concord/domain';
import { docFromJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { Link, useParams } from 'react-router';
import { api, type Delegation, type DraftingSpace, type Instrument, type User } from '../api';
import { subjectOf, useUser } from '../auth';
import { CollaborativeEditor } from '../collab/collaborative-editor';
import { documentOutline } from '../collab/outline';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, Loading } from '../components/error-alert';
import { delegationName } from '../components/layout';
import { formatDate, formatList, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/strings';
import { pickLocalizedEntry } from '../localized';
import { useSpaceWorkbench } from '../proposals/use-space-workbench';
import { WordPanel } from '../proposals/word-panel';
import { committeePath } from '../routes';
import { useResource } from '../use-resource';

/** A drafting space with what its page shows around it. */
interface SpaceDetails {
  readonly space: DraftingSpace;
  /** `null` when it could not be loaded: the page still opens the text. */
  readonly instrument: Instrument | null;
  readonly owner: Delegation | null;
  /** The base text, to number the articles the space drafts on; `null` when it drafts on all, or is unknown. */
  readonly base: Node | null;
}

async function baseText(space: DraftingSpace): Promise<Node | null> {
  if (space.provisionIds.length === 0) return null;
  const text = await api.instrumentText(space.instrumentId, space.language);
  return docFromJSON(text.doc, { requireIds: false });
}

/** What the space drafts on: "the whole text", or its articles numbered in `language` ("Article 3 and Article 4"). */
export function spaceScope(space: DraftingSpace, base: Node | null, language: Language, t: Translate): string | null {
  if (space.provisionIds.length === 0) return t('space.wholeText');
  if (base === null) return null;
  const labels = new Map(documentOutline(base, language).map((entry) => [entry.id, entry.label]));
  return formatList(
    space.provisionIds.map((id) => labels.get(id) ?? id),
    language,
  );
}

async function loadSpace(id: string, user: User): Promise<SpaceDetails> {
  const space = await api.draftingSpace(id);
  // The surroundings are a courtesy; the text itself is what the reader came for.
  const [instrument, delegations, base] = await Promise.all([
    api.instrument(space.instrumentId).catch(() => null),
    api.delegations(user.committeeId).catch((): readonly Delegation[] => []),
    baseText(space).catch(() => null),
  ]);
  const owner = delegations.find((delegation) => delegation.id === space.ownerDelegationId) ?? null;
  return { space, instrument, owner, base };
}

/** `/drafting-spaces/:id`: a delegation's private text, co-edited live by its members. */
export function DraftingSpacePage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const user = useUser();
  const { resource, reload, update } = useResource(() => loadSpace(id, user), [id, user.id]);
  const details = resource.status === 'ready' ? resource.data : null;
  const workbench = useSpaceWorkbench(id, details?.space ?? null, (space) => update((current) => ({ ...current, space })));
  useDocumentTitle(details === null ? t('space.kicker') : `${details.space.title} — ${t('space.kicker')}`);

  if (resource.status === 'loading') return <Loading />;
  if (details === null) {
    return (
      <div className="document-page">
        <Breadcrumb committeeId={user.committeeId} />
        {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      </div>
    );
  }

  const { space, instrument, owner } = details;
  const editable = decide(subjectOf(user), 'edit-draft', {
    tier: 'delegation',
    owners: [space.ownerDelegationId, ...space.coSponsorIds],
  }).allowed;
  const instrumentTitle =
    instrument === null
      ? null
      : (pickLocalizedEntry(instrument.titles, language, instrument.originalLanguage)?.text ?? t('instruments.untitled'));
  const scope = spaceScope(space, details.base, language, t);

  return (
    <div className="document-page">
      <Breadcrumb committeeId={user.committeeId} />
      <header className="page-heading document-heading">
        <p className="kicker">{t('space.kicker')}</p>
        <h1>
          {/* Isolated, so a title in another script keeps its own direction without moving the heading. */}
          <span dir="auto">{space.title}</span>
        </h1>
        <ul className="meta meta-list">
          {owner !== null && (
            <li>{t('space.owner', { delegation: `${delegationName(owner, language)} (${owner.code})` })}</li>
          )}
          {instrumentTitle !== null && (
            <li>{t('space.base', { title: instrumentTitle, language: languageName(space.language, language) })}</li>
          )}
          {scope !== null && <li>{t('space.scope', { articles: scope })}</li>}
          <li>{t('space.opened', { date: formatDate(space.createdAt, language) })}</li>
        </ul>
        <p className="lead">{t(editable ? 'space.editing' : 'space.readOnly')}</p>
      </header>
      {workbench.banner}
      <CollaborativeEditor
        document={space.document}
        textLanguage={space.language}
        editable={editable}
        label={t('space.editorLabel', { title: space.title })}
        numberingBase={details.base}
        plugins={workbench.plugins}
        margin={workbench.margin}
      />
      <WordPanel space={space} editable={editable} />
    </div>
  );
}

function Breadcrumb({ committeeId }: { committeeId: string }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <Link to={committeePath(committeeId)}>{t('nav.committee')}</Link>
    </nav>
  );
}
