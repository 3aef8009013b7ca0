/**
 * Setup of the web component tier (happy-dom): what Ant Design needs of a browser that happy-dom
 * leaves out (matchMedia), the page's fetch sent to the test server (api-server.ts, global-setup.ts),
 * and an empty document after each test.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { routedFetch } from './api-server.ts';
import { loadLanguage } from '../../web/src/i18n/i18n.tsx';

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// openapi-fetch takes `fetch` when web/src/api/client.ts is first imported: route it from the start.
globalThis.fetch = routedFetch;

// The app downloads its language on start (web/src/i18n/i18n.tsx); here it is there before the first render.
await loadLanguage('zh');

// The answers come from a real server on a shared machine: wait for them longer than the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
