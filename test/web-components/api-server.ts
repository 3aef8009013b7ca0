/**
 * The page's side of the real server started by global-setup.ts: the fetch the web app uses (sent
 * over HTTP to the server, keeping the cookies it sets as a browser would, so sign-in is real) and
 * the fixtures the tests create their data with.
 *
 *   const admin = await fixtures.account({ systemRoles: ['security_admin'] });
 *   await signInAs(admin);              // the page's next requests carry the session
 */
import http from 'node:http';
import { afterEach, inject } from 'vitest';
import type { CreateAccountOptions } from '../integration/harness.ts';
import type { DecidedItemInput } from '../../src/services/decisions/assign-decided-items.ts';

const jar = new Map<string, string>();

afterEach(() => {
  jar.clear();
});

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

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request with Node's own client (the DOM environment's fetch is the page's). */
function send(origin: string, method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** The fetch the page uses: every request goes to the test server, with the page's cookies. */
export async function routedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const text = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  const body = text === '' ? undefined : text;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const answer = await send(inject('apiOrigin'), request.method, url.pathname + url.search, headers, body);
  keepCookies(answer.headers['set-cookie']);
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || name === 'set-cookie') continue;
    responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const noBody = answer.status === 204 || answer.status === 304;
  return new Response(noBody ? null : answer.body.toString('utf8'), { status: answer.status, headers: responseHeaders });
}

async function fixture<T>(name: string, input: object = {}): Promise<T> {
  const answer = await send(inject('fixturesOrigin'), 'POST', `/${name}`, { 'content-type': 'application/json' }, JSON.stringify(input));
  if (answer.status !== 200) throw new Error(`fixture ${name} failed: ${answer.status} ${answer.body.toString('utf8')}`);
  return JSON.parse(answer.body.toString('utf8')) as T;
}

export interface FixtureAccount {
  id: string;
  username: string;
  password: string;
}

export interface FixtureBody {
  id: string;
  name: string;
  /** Member units in charter order (the first is the lead unit) */
  units: { unitId: string; name: string }[];
  office: FixtureAccount;
}

/** Test data made on the server with the integration factories (test/web-components/global-setup.ts). */
export const fixtures = {
  account: (options: Omit<CreateAccountOptions, 'password'> = {}) => fixture<FixtureAccount>('account', options),
  decisionBody: () => fixture<FixtureBody>('decisionBody'),
  issueDecisions: (options: { bodyId: string; issuedOn: string; items: DecidedItemInput[] }) =>
    fixture<{ meetingId: string; minutesId: string; decisionIds: string[] }>('issueDecisions', options),
};

/** Signs the account in as the page would: the page's later requests carry its session. */
export async function signInAs(account: Pick<FixtureAccount, 'username' | 'password'>): Promise<void> {
  const body = JSON.stringify({ username: account.username, password: account.password });
  const answer = await send(inject('apiOrigin'), 'POST', '/api/auth/sign-in', { 'content-type': 'application/json' }, body);
  if (answer.status !== 200) throw new Error(`sign-in of ${account.username} failed: ${answer.status} ${answer.body.toString('utf8')}`);
  keepCookies(answer.headers['set-cookie']);
}
