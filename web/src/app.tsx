import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { theme } from './common/theme.ts';
import { createQueryClient } from './api/query-client.ts';
import { workspaceQuery } from './workspace/workspace-api.ts';
import { AuthProvider, RequireSignedIn, sessionQuery } from './auth/auth-context.tsx';
import { ErrorBoundary } from './common/error-boundary.tsx';

const queryClient = createQueryClient();

// Every screen loads on demand (issue 15 point 7): the first screen, signed out or in, needs only its own code.
// The shell and the workspace are fetched together as soon as the session probe finds someone signed in.
const loadShell = () => import('./shell/app-shell.tsx');
const loadWorkspace = () => import('./workspace/workspace-page.tsx');
const SignInPage = lazy(() => import('./auth/sign-in-page.tsx').then((module) => ({ default: module.SignInPage })));
const AppShell = lazy(() => loadShell().then((module) => ({ default: module.AppShell })));
const WorkspacePage = lazy(() => loadWorkspace().then((module) => ({ default: module.WorkspacePage })));

/** A signed-in visit: fetch the shell's code, and the workspace's code and data when that is the first screen, at once. */
function preloadSignedInScreens(path: string): void {
  void loadShell();
  if (path === '/' || path === '/workspace') {
    void loadWorkspace();
    void queryClient.prefetchQuery(workspaceQuery(queryClient));
  }
}
// Who is signed in is asked at once, while the language's strings download (i18n.tsx), not after them.
void queryClient.prefetchQuery(sessionQuery(queryClient, () => preloadSignedInScreens(window.location.pathname)));

const NotFoundPage = lazy(() => import('./common/not-found-page.tsx').then((module) => ({ default: module.NotFoundPage })));
const BodiesPage = lazy(() => import('./bodies/bodies-page.tsx').then((module) => ({ default: module.BodiesPage })));
const ChangePasswordPage = lazy(() => import('./auth/change-password-page.tsx').then((module) => ({ default: module.ChangePasswordPage })));
const BodyPage = lazy(() => import('./bodies/body-page.tsx').then((module) => ({ default: module.BodyPage })));
const ImportCharterPage = lazy(() => import('./charter/import-charter-page.tsx').then((module) => ({ default: module.ImportCharterPage })));
const MeetingPage = lazy(() => import('./meetings/meeting-page.tsx').then((module) => ({ default: module.MeetingPage })));
const DecisionRedirect = lazy(() => import('./common/link-redirects.tsx').then((module) => ({ default: module.DecisionRedirect })));
const MinutesRedirect = lazy(() => import('./meetings/minutes-redirect.tsx').then((module) => ({ default: module.MinutesRedirect })));
const CircularRedirect = lazy(() => import('./common/link-redirects.tsx').then((module) => ({ default: module.CircularRedirect })));
const AccountsPage = lazy(() => import('./admin/accounts-page.tsx').then((module) => ({ default: module.AccountsPage })));
const AuditPage = lazy(() => import('./admin/audit-page.tsx').then((module) => ({ default: module.AuditPage })));
const SettingsPage = lazy(() => import('./admin/settings-page.tsx').then((module) => ({ default: module.SettingsPage })));
const CalendarPage = lazy(() => import('./calendar/calendar-page.tsx').then((module) => ({ default: module.CalendarPage })));
const ReportsPage = lazy(() => import('./reports/reports-page.tsx').then((module) => ({ default: module.ReportsPage })));
const IncomingPage = lazy(() => import('./incoming/incoming-page.tsx').then((module) => ({ default: module.IncomingPage })));
const OutgoingPage = lazy(() => import('./outgoing/outgoing-page.tsx').then((module) => ({ default: module.OutgoingPage })));
const OutgoingDocumentPage = lazy(() => import('./outgoing/outgoing-document-page.tsx').then((module) => ({ default: module.OutgoingDocumentPage })));
const BulletinRedirect = lazy(() => import('./outgoing/outgoing-document-page.tsx').then((module) => ({ default: module.BulletinRedirect })));
const TodoPage = lazy(() => import('./todo/todo-page.tsx').then((module) => ({ default: module.TodoPage })));
const MeetingsCalendarPage = lazy(() => import('./meetings-calendar/meetings-calendar-page.tsx').then((module) => ({ default: module.MeetingsCalendarPage })));

function OnDemand({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary>
      <Suspense fallback={<Spin description={t('app.loading')} style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function LocalizedApp() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider onSignedInVisit={preloadSignedInScreens}>
              <Routes>
                <Route path="/sign-in" element={<OnDemand><SignInPage /></OnDemand>} />
                <Route
                  path="/change-password"
                  element={
                    <RequireSignedIn allowPasswordChange>
                      <OnDemand>
                        <ChangePasswordPage />
                      </OnDemand>
                    </RequireSignedIn>
                  }
                />
                <Route
                  element={
                    <RequireSignedIn>
                      <OnDemand>
                        <AppShell />
                      </OnDemand>
                    </RequireSignedIn>
                  }
                >
                  <Route index element={<Navigate to="/workspace" replace />} />
                  <Route
                    path="/workspace"
                    element={
                      <OnDemand>
                        <WorkspacePage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies"
                    element={
                      <OnDemand>
                        <BodiesPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies/:bodyId"
                    element={
                      <OnDemand>
                        <BodyPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies/:bodyId/meetings/:meetingId"
                    element={
                      <OnDemand>
                        <MeetingPage />
                      </OnDemand>
                    }
                  />
                  <Route path="/bodies/:bodyId/reports" element={<OnDemand><ReportsPage /></OnDemand>} />
                  <Route path="/bodies/:bodyId/outgoing-documents" element={<OnDemand><OutgoingPage /></OnDemand>} />
                  <Route path="/bodies/:bodyId/outgoing-documents/:documentId" element={<OnDemand><OutgoingDocumentPage /></OnDemand>} />
                  <Route path="/bodies/:bodyId/bulletins/:documentId" element={<OnDemand><BulletinRedirect /></OnDemand>} />
                  <Route
                    path="/bodies/:bodyId/incoming"
                    element={
                      <OnDemand>
                        <IncomingPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies/:bodyId/decisions/:decisionId"
                    element={
                      <OnDemand>
                        <DecisionRedirect />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies/:bodyId/minutes/:minutesId"
                    element={
                      <OnDemand>
                        <MinutesRedirect />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/bodies/:bodyId/circulars/:circularId"
                    element={
                      <OnDemand>
                        <CircularRedirect />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/import"
                    element={
                      <OnDemand>
                        <ImportCharterPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/admin/accounts"
                    element={
                      <OnDemand>
                        <AccountsPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/admin/audit"
                    element={
                      <OnDemand>
                        <AuditPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/admin/settings"
                    element={
                      <OnDemand>
                        <SettingsPage />
                      </OnDemand>
                    }
                  />
                  <Route
                    path="/calendar"
                    element={
                      <OnDemand>
                        <CalendarPage />
                      </OnDemand>
                    }
                  />
                  <Route path="/todo" element={<OnDemand><TodoPage /></OnDemand>} />
                  <Route path="/meetings-calendar" element={<OnDemand><MeetingsCalendarPage /></OnDemand>} />
                  <Route path="*" element={<OnDemand><NotFoundPage /></OnDemand>} />
                </Route>
              </Routes>
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
