import { lazy, Suspense } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { Loading } from '../components/error-alert';
import { useI18n } from '../i18n/i18n-context';
import { NotFoundPage } from '../pages/not-found-page';
import { READING_ROOM_PATH } from './paths';
import './reading-room.css';

// The reading room's pages (and ProseMirror with them) load when a visitor opens one, not with the sign-in form.
const ReadingRoomPage = lazy(async () => ({ default: (await import('./reading-room-page')).ReadingRoomPage }));
const RevisionPage = lazy(async () => ({ default: (await import('./revision-page')).RevisionPage }));
const ComparePage = lazy(async () => ({ default: (await import('./compare-page')).ComparePage }));

/** `/reading-room/*`: the public pages, open to everyone, signed in or not. */
export function ReadingRoom() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<ReadingRoomPage />} />
        <Route path="revisions/:id" element={<RevisionPage />} />
        <Route path="revisions/:id/:lang" element={<RevisionPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** The header's way into the reading room, marked as current while the visitor is in it. */
export function ReadingRoomHeaderLink() {
  const { t } = useI18n();
  return (
    <NavLink to={READING_ROOM_PATH} className="header-link">
      {t('room.title')}
    </NavLink>
  );
}

/** The sign-in page's pointer to what can be read without an account. */
export function ReadingRoomInvitation() {
  const { t } = useI18n();
  return (
    <p className="room-invitation">
      {t('room.signInHint')} <Link to={READING_ROOM_PATH}>{t('room.open')}</Link>
    </p>
  );
}
