/**
 * Renders a screen of web/src the way the app mounts it (web/src/app.tsx): Ant Design in Chinese,
 * the i18n, a fresh query client, the router at `path` and the signed-in account.
 */
import type { ReactElement } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { I18nProvider } from '../../web/src/i18n/i18n.tsx';
import { createQueryClient } from '../../web/src/api/query-client.ts';
import { AuthProvider } from '../../web/src/auth/auth-context.tsx';

export interface RenderPageOptions {
  /** The address the page opens at (default '/') */
  at?: string;
  /** The route pattern the element is mounted at (default: the path of `at`) */
  route?: string;
  /** Other routes the page may navigate to, shown as their path (to assert navigation) */
  otherRoutes?: string[];
}

export function renderPage(element: ReactElement, options: RenderPageOptions = {}): RenderResult {
  const at = options.at ?? '/';
  const route = options.route ?? at.split('?')[0] ?? '/';
  return render(
    <I18nProvider>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <QueryClientProvider client={createQueryClient()}>
            <MemoryRouter initialEntries={[at]}>
              <AuthProvider>
                <Routes>
                  <Route path={route} element={element} />
                  {(options.otherRoutes ?? []).map((path) => (
                    <Route key={path} path={path} element={<p data-testid="route">{path}</p>} />
                  ))}
                </Routes>
              </AuthProvider>
            </MemoryRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
}
