import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { theme } from './common/theme.ts';
import { createQueryClient } from './api/query-client.ts';
import { AuthProvider, RequireSignedIn } from './auth/auth-context.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { ChangePasswordPage } from './auth/change-password-page.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { BodiesPage } from './bodies/bodies-page.tsx';
import { WorkspacePage } from './workspace/workspace-page.tsx';
import { NotFoundPage } from './common/not-found-page.tsx';
import { ErrorBoundary } from './common/error-boundary.tsx';

const queryClient = createQueryClient();

// A body's screens and the import load on demand: sign-in and the registry stay small.
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

function OnDemand({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary>
      <Suspense fallback={<Spin description={t('app.loading')} style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function LocalizedApp() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route
                  path="/change-password"
                  element={
                    <RequireSignedIn allowPasswordChange>
                      <ChangePasswordPage />
                    </RequireSignedIn>
                  }
                />
                <Route
                  element={
                    <RequireSignedIn>
                      <AppShell />
                    </RequireSignedIn>
                  }
                >
                  <Route index element={<Navigate to="/workspace" replace />} />
                  <Route
                    path="/workspace"
                    element={
                      <ErrorBoundary>
                        <WorkspacePage />
                      </ErrorBoundary>
                    }
                  />
                  <Route
                    path="/bodies"
                    element={
                      <ErrorBoundary>
                        <BodiesPage />
                      </ErrorBoundary>
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
                  <Route path="*" element={<NotFoundPage />} />
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
