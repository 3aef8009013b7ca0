/**
 * Setup of the web component tier (happy-dom): what Ant Design needs of a browser that happy-dom
 * leaves out (matchMedia), the page's fetch sent to the test server (api-server.ts, global-setup.ts),
 * and an empty document after each test.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { routedFetch } from './api-server.ts';

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

// The answers come from a real server on a shared machine: wait for them longer than the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
