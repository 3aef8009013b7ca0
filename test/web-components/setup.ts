/**
 * Setup of the web component tier (happy-dom): what Ant Design needs of a browser that happy-dom
 * leaves out (matchMedia), the page's own fetch routed to the test's API server (api-server.ts),
 * and an empty document after each test.
 */
import { URL as NodeURL } from 'node:url';
import { cleanup } from '@testing-library/react';
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

// The server code running in this process resolves files with fileURLToPath, which takes Node's URL only.
globalThis.URL = NodeURL as unknown as typeof URL;

// openapi-fetch takes `fetch` when web/src/api/client.ts is first imported: route it from the start.
globalThis.fetch = routedFetch;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
