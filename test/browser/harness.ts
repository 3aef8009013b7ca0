/**
 * Browser-test harness: a real server (the `serve` start sequence on a temporary PGlite directory
 * copied from a seeded one — migrated, the example bodies seeded, the office staff made — built once
 * for every browser test file: seeded-data.ts; a random port; the web build of this checkout, shared
 * by every browser test file: web-build.ts) and Debian's Chromium
 * driven through playwright-core. Every page records console errors and failed requests; a test
 * fails on any console error it did not declare as an expected HTTP refusal.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/config/clock.ts';
import type { RunningServer } from '../../src/start/start.ts';
import { copyDataDir, exampleBodiesDataDir, seededDataDir, startOnDataDir } from './seeded-data.ts';
import type { SeededDataDir } from './seeded-data.ts';
import { sharedWebBuild } from './web-build.ts';

export const CHROMIUM_PATH = process.env.LIANXI_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/**
 * Whether the browser tests can run here. In CI (CI=true) a missing Chromium is a failure; locally
 * the suite is skipped with a loud message.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must run the browser tests (.ci/run installs it).`);
  }
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!!! BROWSER TESTS SKIPPED: Chromium not found at ${CHROMIUM_PATH}.`);
  console.warn('!!! Install it (apt-get install chromium) or set LIANXI_CHROMIUM; CI never skips these tests.');
  console.warn(`${line}\n`);
  return false;
}

export interface Admin {
  username: string;
  oneTimePassword: string;
}

export interface Harness {
  server: RunningServer;
  /** An office-staff account granted on every example body, its password already changed */
  staff: { username: string; password: string };
  /** The security administrator, its one-time password already changed (it created the office staff) */
  security: { username: string; password: string };
  browser: Browser;
  clock: ManualClock;
  baseUrl: string;
  admins: Record<'system_admin' | 'security_admin' | 'audit_admin', Admin>;
  close(): Promise<void>;
}

/** The state every browser file starts from: the example bodies' state plus the office staff (seeded-data.ts). */
interface HarnessAccounts {
  admins: Record<'system_admin' | 'security_admin' | 'audit_admin', Admin>;
  staff: { username: string; password: string };
  security: { username: string; password: string };
}

/**
 * The seeded data directory of the harness, built once per content (seeded-data.ts): a fresh
 * server's state (migrated, administrators bootstrapped, example bodies published), then, through
 * the API, the security administrator's password changed and the office staff created.
 */
async function harnessDataDir(): Promise<SeededDataDir<HarnessAccounts>> {
  const examples = await exampleBodiesDataDir();
  return seededDataDir({
    name: 'browser-harness',
    from: examples,
    inputs: ['test/browser/harness.ts'],
    prepare: async (server) => {
      const staff = await createOfficeStaff(server.address, examples.accounts.security_admin);
      const security = { username: examples.accounts.security_admin.username, password: SECURITY_PASSWORD };
      return { admins: examples.accounts, staff, security };
    },
  });
}

/**
 * Takes the shared web build (building it once) and a copy of the harness's seeded data directory
 * (building it once), starts the server on them, launches Chromium.
 */
export async function startHarness(): Promise<Harness> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-browser-'));
  const webDir = await sharedWebBuild();
  const seeded = await harnessDataDir();
  const dataDir = path.join(workDir, 'data');
  await copyDataDir(seeded.dataDir, dataDir);
  const clock = new ManualClock(new Date());
  const server = await startOnDataDir({ dataDir, clock, webDir });
  const { admins, staff, security } = seeded.accounts;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  await mkdir(RESULTS_DIR, { recursive: true });
  return {
    server,
    staff,
    security,
    browser,
    clock,
    baseUrl: server.address,
    admins,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP refusal a test expects (it shows in Chromium's console as "Failed to load resource"). */
export interface ExpectedRefusal {
  method: string;
  /** Path without the query string */
  path: string;
  status: number;
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors so far, with expected refusals removed */
  problems(): string[];
  /** Declares a refusal as expected (e.g. 401 of /api/auth/me before signing in) */
  expect(refusal: ExpectedRefusal): void;
  /** Saves `test-results/<name>.png` and closes the context */
  finish(name: string): Promise<void>;
  /** Whether finish() ran */
  finished(): boolean;
}

/** A fresh browser context and page that records every console error and failed request. */
export async function openPage(harness: Pick<Harness, 'browser' | 'baseUrl'>, viewport = { width: 1366, height: 900 }): Promise<TrackedPage> {
  // Reduced motion: the app then turns antd's animations off, so that a click never lands on an
  // option still sliding into place (a click during the dropdown's opening was lost under load).
  const context = await harness.browser.newContext({ viewport, locale: 'zh-CN', baseURL: harness.baseUrl, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedResponses: ExpectedRefusal[] = [];
  const expected: ExpectedRefusal[] = [];
  let done = false;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failedResponses.push({ method: response.request().method(), path: new URL(response.url()).pathname, status: response.status() });
    }
  });
  const matches = (a: ExpectedRefusal, b: ExpectedRefusal) => a.method === b.method && a.path === b.path && a.status === b.status;
  return {
    context,
    page,
    expect: (refusal) => expected.push(refusal),
    problems: () => {
      const unexpectedResponses = failedResponses.filter((response) => !expected.some((e) => matches(e, response)));
      const resourceErrors = consoleErrors.filter((text) => text.startsWith('Failed to load resource'));
      const otherErrors = consoleErrors.filter((text) => !text.startsWith('Failed to load resource'));
      // Every "Failed to load resource" must be one of the expected refusals.
      const unexplained = resourceErrors.length > failedResponses.length - unexpectedResponses.length ? resourceErrors : [];
      return [
        ...otherErrors,
        ...unexpectedResponses.map((r) => `unexpected ${r.status} from ${r.method} ${r.path}`),
        ...unexplained,
      ];
    },
    finish: async (name) => {
      done = true;
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
      await context.close();
    },
    finished: () => done,
  };
}

/** A minimal cookie-keeping JSON client of the API (for setting up accounts through HTTP). */
export function apiClient(baseUrl: string) {
  let cookie = '';
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie === '' ? {} : { cookie }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) cookie = setCookie.split(';')[0] ?? '';
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

const STAFF_PASSWORD = 'Xq7#Lm2v-Rk9p';
const SECURITY_PASSWORD = 'Zt4$Wn8c-Hj3r';

/**
 * Through the API, as the security administrator: creates an office-staff account, grants it every
 * body, and changes its one-time password (the forced change of the UI is tested with an administrator).
 */
async function createOfficeStaff(baseUrl: string, securityAdmin: Admin): Promise<{ username: string; password: string }> {
  const security = apiClient(baseUrl);
  await security('POST', '/api/auth/sign-in', { username: securityAdmin.username, password: securityAdmin.oneTimePassword });
  await security('POST', '/api/auth/change-password', { currentPassword: securityAdmin.oneTimePassword, newPassword: SECURITY_PASSWORD });
  const created = (await security('POST', '/api/accounts', { username: 'office.staff', displayName: '办公室工作人员' })) as {
    account: { id: string };
    oneTimePassword: string | null;
  };
  if (created.oneTimePassword === null) throw new Error('no one-time password for the office-staff account');
  const bodies = (await security('GET', '/api/bodies?limit=200')) as { items: { id: string }[] };
  for (const body of bodies.items) {
    await security('POST', `/api/accounts/${created.account.id}/roles`, { kind: 'body', bodyId: body.id, role: 'office_staff' });
  }
  const staff = apiClient(baseUrl);
  await staff('POST', '/api/auth/sign-in', { username: 'office.staff', password: created.oneTimePassword });
  await staff('POST', '/api/auth/change-password', { currentPassword: created.oneTimePassword, newPassword: STAFF_PASSWORD });
  return { username: 'office.staff', password: STAFF_PASSWORD };
}

/**
 * Visible form fields without an accessible name (label element, aria-label, aria-labelledby or
 * title), described by tag, type and id. Keyboard users and screen readers need every field named.
 */
export async function unlabelledFields(page: Page): Promise<string[]> {
  // Runs in the page; written as text because the Node side is type-checked without the DOM library.
  const found: unknown = await page.evaluate(`(() => {
    const named = (element) => {
      if ((element.getAttribute('aria-label') || '').trim() !== '') return true;
      const labelledBy = element.getAttribute('aria-labelledby');
      if (labelledBy && labelledBy.split(/\\s+/).some((id) => ((document.getElementById(id) || {}).textContent || '').trim() !== '')) return true;
      if ((element.getAttribute('title') || '').trim() !== '') return true;
      return Array.from(element.labels || []).some((label) => (label.textContent || '').trim() !== '');
    };
    return Array.from(document.querySelectorAll('input, select, textarea, [role="combobox"]'))
      .filter((element) => {
        if (element.type === 'hidden' || element.type === 'file') return false;
        const style = window.getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0 && !named(element);
      })
      .map((element) => element.tagName.toLowerCase() + '[type=' + (element.getAttribute('type') || '') + ']#' + element.id + '.' + element.className);
  })()`);
  if (!Array.isArray(found)) throw new Error('field check did not answer a list');
  return found.map(String);
}

/** An account of a person holding a body role through a membership (member, liaison, convener …). */
export interface MemberAccount {
  username: string;
  password: string;
  bodyId: string;
  bodyName: string;
  personId: string;
  personName: string;
  unitId: string | null;
  unitName: string | null;
  title: string;
}

/** Today in China (Asia/Shanghai) on the harness clock, as YYYY-MM-DD. */
export function harnessToday(harness: Harness): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(harness.clock.now());
}

interface MembershipDto {
  id: string;
  roleKind: string;
  title: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
}

/**
 * Through the API: finds a person holding `roleKind` today in the first body (by name order) that
 * has one, as the office staff; when the holder is unnamed (a vacancy), the office staff names one
 * (a successor from today). Then the security administrator creates an account for that person
 * and the account's one-time password is changed. `bodyName` picks the body by part of its name.
 */
export async function createMemberAccount(
  harness: Harness,
  options: { roleKind: 'convener' | 'deputy_convener' | 'member' | 'liaison'; username: string; bodyName?: string },
): Promise<MemberAccount> {
  const today = harnessToday(harness);
  const staff = apiClient(harness.baseUrl);
  await staff('POST', '/api/auth/sign-in', { username: harness.staff.username, password: harness.staff.password });
  const query = options.bodyName === undefined ? '' : `&q=${encodeURIComponent(options.bodyName)}`;
  const bodies = (await staff('GET', `/api/bodies?limit=200${query}`)) as { items: { id: string; name: string }[] };
  for (const body of bodies.items) {
    const memberships = (await staff('GET', `/api/bodies/${body.id}/memberships?at=${today}&roleKind=${options.roleKind}`)) as { items: MembershipDto[] };
    let holder = memberships.items[0];
    if (holder === undefined && (options.roleKind === 'liaison' || options.roleKind === 'member')) {
      // Charters rarely name liaisons: the office records one for the first member unit.
      const units = (await staff('GET', `/api/bodies/${body.id}/units?at=${today}`)) as { items: { unitId: string }[] };
      const unit = units.items[0];
      if (unit === undefined) continue;
      holder = (await staff('POST', `/api/bodies/${body.id}/memberships`, {
        roleKind: options.roleKind,
        title: options.roleKind === 'liaison' ? '联络员' : '成员',
        unitId: unit.unitId,
        personName: `浏览器测试${options.username.replace(/[^a-z]/g, '')}`,
        validFrom: today,
      })) as MembershipDto;
    }
    if (holder === undefined) continue;
    if (holder.personId === null) {
      const changed = (await staff('POST', `/api/bodies/${body.id}/memberships/${holder.id}/change`, {
        date: today,
        personName: `浏览器测试${options.username.replace(/[^a-z]/g, '')}`,
      })) as { started: MembershipDto };
      holder = changed.started;
    }
    if (holder.personId === null || holder.personName === null) throw new Error('the membership still has no person');
    const security = apiClient(harness.baseUrl);
    await security('POST', '/api/auth/sign-in', { username: harness.security.username, password: harness.security.password });
    const created = (await security('POST', '/api/accounts', { username: options.username, displayName: holder.personName, personId: holder.personId })) as {
      account: { id: string };
      oneTimePassword: string | null;
    };
    if (created.oneTimePassword === null) throw new Error('no one-time password');
    const password = 'Bv6%Qs1d-Ny5k';
    const user = apiClient(harness.baseUrl);
    await user('POST', '/api/auth/sign-in', { username: options.username, password: created.oneTimePassword });
    await user('POST', '/api/auth/change-password', { currentPassword: created.oneTimePassword, newPassword: password });
    return {
      username: options.username,
      password,
      bodyId: body.id,
      bodyName: body.name,
      personId: holder.personId,
      personName: holder.personName,
      unitId: holder.unitId,
      unitName: holder.unitName,
      title: holder.title,
    };
  }
  throw new Error(`no body has a ${options.roleKind} today`);
}

