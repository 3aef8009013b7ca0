/**
 * The real Lianxi server behind the web components' fetch: a fresh PGlite database and app per test
 * file (the integration harness's TestContext), reached through Fastify's inject instead of a
 * socket. Cookies the server sets are kept like a browser keeps them, so sign-in works for real.
 *
 *   const server = useApiServer();            // in a describe: opens before, closes after
 *   const admin = await server.t.createAccount({ systemRoles: ['security_admin'] });
 *   await server.signIn(admin);              // the page's next requests carry the session
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TestContext, cookieHeader } from '../integration/harness.ts';
import type { TestAccount } from '../integration/harness.ts';

let current: TestContext | null = null;
const jar = new Map<string, string>();

function keepCookies(setCookie: string | string[] | undefined): void {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const line of list) {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (value === '' || /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The fetch the page uses: each request goes to the current test server's app. */
export async function routedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (current === null) throw new Error('no API server: call useApiServer() in the test file');
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  const app = await current.app();
  const answer = await app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers,
    ...(body === undefined || body === '' ? {} : { payload: body }),
  });
  keepCookies(answer.headers['set-cookie'] as string | string[] | undefined);
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || name === 'set-cookie') continue;
    responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  const noBody = answer.statusCode === 204 || answer.statusCode === 304;
  return new Response(noBody ? null : answer.body, { status: answer.statusCode, headers: responseHeaders });
}

export interface ApiServer {
  /** The suite's context: database, clock, account factory */
  readonly t: TestContext;
  /** Signs the account in as the page would: the page's later requests carry its session. */
  signIn(account: Pick<TestAccount, 'username' | 'password'>): Promise<void>;
}

/** A fresh server for the test file's suite; the page's cookies are cleared after each test. */
export function useApiServer(): ApiServer {
  const t = new TestContext('pglite');
  beforeAll(async () => {
    await t.setup();
    current = t;
  });
  afterEach(() => {
    jar.clear();
  });
  afterAll(async () => {
    current = null;
    await t.teardown();
  });
  return {
    t,
    async signIn(account) {
      const app = await t.app();
      const answer = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: account.username, password: account.password },
      });
      if (answer.statusCode !== 200) throw new Error(`sign-in of ${account.username} failed: ${answer.statusCode} ${answer.body}`);
      keepCookies(answer.headers['set-cookie'] as string | string[] | undefined);
      if (jar.size === 0) throw new Error(`sign-in set no cookie: ${cookieHeader(answer.headers['set-cookie'])}`);
    },
  };
}
