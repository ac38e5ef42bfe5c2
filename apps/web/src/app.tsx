import type { Language } from '@concord/domain';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider, RequireAuth } from './auth';
import { Loading } from './components/error-alert';
import { Layout } from './components/layout';
import { I18nProvider } from './i18n/i18n-context';
import { CommitteePage } from './pages/committee-page';
import { HomePage } from './pages/home-page';
import { InvitePage } from './pages/invite-page';
import { NotFoundPage } from './pages/not-found-page';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';
import { ReadingRoom } from './reading-room/reading-room';

// The live editors (ProseMirror, Yjs) load with the first page that needs them, not with the sign-in form.
const ConsolidatedDraftPage = lazy(async () => ({
  default: (await import('./pages/consolidated-draft-page')).ConsolidatedDraftPage,
}));
const DraftingSpacePage = lazy(async () => ({ default: (await import('./pages/drafting-space-page')).DraftingSpacePage }));
const ProposalPage = lazy(async () => ({ default: (await import('./proposals/proposal-page')).ProposalPage }));
const CommentPeriodPage = lazy(async () => ({ default: (await import('./comments/comment-period-page')).CommentPeriodPage }));
const InboxPage = lazy(async () => ({ default: (await import('./comments/inbox')).InboxPage }));
const CompileDeskPage = lazy(async () => ({ default: (await import('./desk/compile-desk-page')).CompileDeskPage }));

/** A signed-in page whose code loads on demand. */
function LazyPage({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

/** The web app: language, session and router around the routes. The API serves `index.html` at every route. */
export function App({ language }: { language: Language }) {
  return (
    <I18nProvider initial={language}>
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}

/** The page for each address, inside the shared layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <RequireAuth>
              <HomePage />
            </RequireAuth>
          }
        />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="reading-room/*" element={<ReadingRoom />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route
          path="committees/:id"
          element={
            <RequireAuth>
              <CommitteePage />
            </RequireAuth>
          }
        />
        <Route
          path="committees/:cid/instruments/:iid/draft/:lang"
          element={
            <LazyPage>
              <ConsolidatedDraftPage />
            </LazyPage>
          }
        />
        <Route
          path="committees/:cid/instruments/:iid/desk/:lang"
          element={
            <LazyPage>
              <CompileDeskPage />
            </LazyPage>
          }
        />
        <Route
          path="drafting-spaces/:id"
          element={
            <LazyPage>
              <DraftingSpacePage />
            </LazyPage>
          }
        />
        <Route
          path="proposals/:id"
          element={
            <LazyPage>
              <ProposalPage />
            </LazyPage>
          }
        />
        <Route
          path="settings"
          element={
            <RequireAuth>
              <SettingsPage />
            </RequireAuth>
            }
          />
          <Route
          path="comment-periods/:id"
          element={
            <LazyPage>
              <CommentPeriodPage />
            </LazyPage>
          }
        />
        <Route
          path="inbox"
          element={
            <LazyPage>
              <InboxPage />
            </LazyPage>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
