import { LANGUAGES, consolidatedDocument, decide, isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { useMemo, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { subjectOf, useUser } from '../auth';
import { ChairDesk } from '../chair/chair-desk';
import { CollaborativeEditor } from '../collab/collaborative-editor';
import { secretariatEdits, translatorEdits } from '../collab/editing';
import { staleReferenceMarks } from '../collab/structure';
import { staleMarks } from '../collab/stale-marks';
import { deskApi } from '../desk/desk-api';
import { useDocumentComments } from '../comments/use-document-comments';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert, Loading } from '../components/error-alert';
import { DraftDeskTools } from '../desk/desk-links';
import { formatNumber, languageName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { pickLocalizedEntry } from '../localized';
import { committeePath, consolidatedDraftPath } from '../routes';
import { LiveComparisonDownload } from '../proposals/word-panel';
import { useResource } from '../use-resource';
import { NotFoundPage } from './not-found-page';

/**
 * `/committees/:cid/instruments/:iid/draft/:lang`: the secretariat's live working text of an instrument, which
 * delegations, the chair and administrators read as it changes, and the secretariat edits.
 */
export function ConsolidatedDraftPage() {
  const { cid = '', iid = '', lang = '' } = useParams();
  if (!isLanguage(lang)) return <NotFoundPage />;
  return <ConsolidatedDraft committeeId={cid} instrumentId={iid} textLanguage={lang} />;
}

function ConsolidatedDraft({
  committeeId,
  instrumentId,
  textLanguage,
}: {
  committeeId: string;
  instrumentId: string;
  textLanguage: Language;
}) {
  const { t, language } = useI18n();
  const user = useUser();
  const subject = subjectOf(user);
  const mayRead = decide(subject, 'read', { tier: 'committee' }).allowed;
  const mayEdit = decide(subject, 'edit-consolidated', { tier: 'committee' }).allowed;
  const maySetStatus = decide(subject, 'set-provision-status', { tier: 'committee' }).allowed;
  const { resource, reload } = useResource(
    () => (mayRead ? api.instrument(instrumentId) : Promise.resolve(null)),
    [instrumentId, mayRead],
  );
  const instrument = resource.status === 'ready' ? resource.data : null;
  const title = instrument === null ? undefined : pickLocalizedEntry(instrument.titles, language, instrument.originalLanguage);
  const titleText = title?.text ?? t('instruments.untitled');
  useDocumentTitle(instrument === null ? t('draft.kicker') : `${t('draft.kicker')}: ${titleText}`);
  const comments = useDocumentComments(consolidatedDocument(instrumentId, textLanguage));
  // Until the instrument arrives the editor is not shown, so the plugin is chosen once the original is known.
  const translating = instrument !== null && instrument.originalLanguage !== textLanguage;
  // A language version marks the provisions that do not render the original's current words.
  const stale = useResource(
    () => (translating ? deskApi.stale(instrumentId, textLanguage) : Promise.resolve([])),
    [instrumentId, textLanguage, translating],
  );
  const staleNodes = stale.resource.status === 'ready' ? stale.resource.data : null;
  const stalePlugin = useMemo(
    () =>
      staleNodes === null || staleNodes.length === 0
        ? null
        : staleMarks({
            nodes: new Map(staleNodes.filter((node) => node.reason !== 'missing').map((node) => [node.nodeId, node.reason])),
            label: (reason) => t(reason === 'changed' ? 'draft.stale.changed' : 'draft.stale.unconfirmed'),
            language,
            untranslated: instrument
              ? {
                  nodes: new Set(staleNodes.filter((node) => node.reason === 'unconfirmed' && node.translation === node.original).map((node) => node.nodeId)),
                  language: instrument.originalLanguage,
                  dir: isRightToLeft(instrument.originalLanguage) ? 'rtl' : 'ltr',
                }
              : undefined,
          }),
    [staleNodes, t, language, instrument],
  );
  // Cross-references whose words a structural change has made stale are shown to every reader until renumbering.
  // The words are read when the text changes; a ref keeps the plugin, and so the editor, across interface languages.
  const translate = useRef(t);
  translate.current = t;
  const referencesPlugin = useMemo(
    () =>
      staleReferenceMarks(textLanguage, (current) =>
        current === null ? translate.current('editor.danglingReference') : translate.current('editor.staleReference', { reference: current }),
      ),
    [textLanguage],
  );
  const plugins = useMemo(
    () => [
      ...comments.plugins,
      ...(mayEdit ? [translating ? translatorEdits(user.id) : secretariatEdits(user.id)] : []),
      ...(stalePlugin ? [stalePlugin] : []),
      referencesPlugin,
    ],
    [comments.plugins, mayEdit, translating, user.id, stalePlugin, referencesPlugin],
  );
  // The secretariat names who proposes each option it makes by hand, from the committee's delegations.
  const delegationList = useResource(() => (mayEdit ? api.delegations(committeeId) : Promise.resolve(null)), [committeeId, mayEdit]);
  const delegations = delegationList.resource.status === 'ready' ? delegationList.resource.data : null;
  const staleCount = staleNodes?.filter((node) => node.reason !== 'missing').length ?? 0;

  const available = instrument?.languages?.includes(textLanguage) ?? true;
  const others = LANGUAGES.filter((code) => code !== textLanguage && (instrument?.languages?.includes(code) ?? false));

  return (
    <div className="document-page">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <Link to={committeePath(committeeId)}>{t('nav.committee')}</Link>
      </nav>
      {!mayRead && (
        <div role="alert" className="alert alert-error">
          <p>{t('draft.forbidden')}</p>
        </div>
      )}
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {instrument !== null && (
        <>
          <header className="page-heading document-heading">
            <p className="kicker">{t('draft.kicker')}</p>
            <h1>
              <span lang={title?.language} dir="auto">
                {titleText}
              </span>
            </h1>
            <p className="meta">
              {t('draft.language', { language: languageName(textLanguage, language) })}
              {others.length > 0 && (
                <>
                  {' · '}
                  <span>{t('draft.otherLanguages')}: </span>
                  {others.map((code, index) => (
                    <span key={code}>
                      {index > 0 && ', '}
                      <Link to={consolidatedDraftPath(committeeId, instrumentId, code)} lang={language}>
                        {languageName(code, language)}
                      </Link>
                    </span>
                  ))}
                </>
              )}
            </p>
            <p className="lead">{t(mayEdit ? 'draft.editing' : 'draft.readOnly')}</p>
            {translating && staleCount > 0 && (
              <p className="draft-stale-summary" role="status">
                {t('draft.stale.summary', { n: formatNumber(staleCount, language) })}
              </p>
            )}
            <LiveComparisonDownload instrumentId={instrumentId} textLanguage={textLanguage} />
          </header>
          <DraftDeskTools committeeId={committeeId} instrumentId={instrumentId} textLanguage={textLanguage} />
          {maySetStatus && available && <ChairDesk instrumentId={instrumentId} textLanguage={textLanguage} />}
          {available ? (
            <CollaborativeEditor
              document={consolidatedDocument(instrumentId, textLanguage)}
              textLanguage={textLanguage}
              editable={mayEdit}
              label={t('draft.editorLabel', { title: titleText, language: languageName(textLanguage, language) })}
              plugins={plugins}
              margin={comments.panel}
              bracketTools={mayEdit}
              provenanceOnClick
              delegations={delegations}
            />
          ) : (
            <p className="empty">{t('draft.notAvailable', { language: languageName(textLanguage, language) })}</p>
          )}
        </>
      )}
    </div>
  );
}
