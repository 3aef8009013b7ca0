/**
 * `npm run bench:web` (issue 15 point 7): how much JavaScript the first screens need and how fast the
 * workspace becomes usable, in headless Chromium on this machine. Not a test: it prints the figures
 * with their budgets.
 *
 * - Uses web/dist as it is (builds it when missing), starts the server on a temporary PGlite data
 *   directory with the example bodies, makes an office-staff account of every example body (the
 *   workspace's heaviest first screen: one dashboard per body) and signs it in through the sign-in page.
 * - JavaScript: the scripts a fresh browser context loads for the signed-out visit (up to the sign-in
 *   form) and for the workspace, summed as sent (brotli or gzip, as Chromium asked) and as gzip -9
 *   would send them (the budget's measure, like the build's).
 * - Time: navigation start → the workspace's content visible, cold (a new context each time: empty
 *   cache, the session cookie only) and warm (reloads in one context), median of 5 each.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Cookie, Page, Response } from 'playwright-core';
import { build } from 'vite';
import { systemClock } from '../src/config/clock.ts';
import { loadConfig } from '../src/config/config.ts';
import { startServer } from '../src/start/start.ts';
import { apiClient, CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/browser/harness.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB_DIR = path.join(REPO_ROOT, 'web', 'dist');
const RUNS = 5;
const JS_BUDGET_KB = 300;
const INTERACTIVE_BUDGET_S = 1.0;
const STAFF_PASSWORD = 'Bench#Web-7pQ2x';
const SECURITY_PASSWORD = 'Bench#Sec-4kR9m';
/** The workspace's content (web/src/workspace/workspace-page.tsx), once its one request answered. */
const WORKSPACE_CONTENT = '[data-testid="workspace-content"]';

async function ensureWebBuild(): Promise<void> {
  if (existsSync(path.join(WEB_DIR, 'index.html'))) {
    const assets = await readdir(path.join(WEB_DIR, 'assets'));
    if (!assets.some((name) => name.endsWith('.js.br'))) console.warn('web/dist has no precompressed .br files: an old build? (npm run build:web)');
    return;
  }
  console.log('web/dist missing: building it…');
  await build({ configFile: path.join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** The security administrator makes `bench.office`, office staff of every example body; it changes its one-time password. */
async function createOfficeStaff(baseUrl: string, securityAdmin: { username: string; oneTimePassword: string }): Promise<string> {
  const security = apiClient(baseUrl);
  await security('POST', '/api/auth/sign-in', { username: securityAdmin.username, password: securityAdmin.oneTimePassword });
  await security('POST', '/api/auth/change-password', { currentPassword: securityAdmin.oneTimePassword, newPassword: SECURITY_PASSWORD });
  const created = (await security('POST', '/api/accounts', { username: 'bench.office', displayName: '办公室工作人员' })) as { account: { id: string }; oneTimePassword: string | null };
  if (created.oneTimePassword === null) throw new Error('no one-time password for the office-staff account');
  const bodies = (await security('GET', '/api/bodies?limit=200')) as { items: { id: string }[] };
  for (const body of bodies.items) await security('POST', `/api/accounts/${created.account.id}/roles`, { kind: 'body', bodyId: body.id, role: 'office_staff' });
  const staff = apiClient(baseUrl);
  await staff('POST', '/api/auth/sign-in', { username: 'bench.office', password: created.oneTimePassword });
  await staff('POST', '/api/auth/change-password', { currentPassword: created.oneTimePassword, newPassword: STAFF_PASSWORD });
  return 'bench.office';
}

interface ScriptBytes {
  files: number;
  /** As sent (content-encoding as negotiated) */
  wire: number;
  /** As gzip -9 would send them */
  gzip: number;
  encodings: Set<string>;
}

/** Records the scripts a page loads until `total()` is called (once the screen is there). */
function recordScripts(page: Page): { total: () => Promise<ScriptBytes> } {
  const pending: Promise<{ wire: number; gzip: number; encoding: string } | Error>[] = [];
  let recording = true;
  const onResponse = (response: Response) => {
    if (!recording || response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const [sizes, body, encoding] = await Promise.all([response.request().sizes(), response.body(), response.headerValue('content-encoding')]);
        return { wire: sizes.responseBodySize, gzip: gzipSync(body, { level: 9 }).length, encoding: encoding ?? 'identity' };
      })().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  };
  page.on('response', onResponse);
  return {
    total: async () => {
      recording = false;
      page.off('response', onResponse);
      const settled = await Promise.all(pending);
      const failed = settled.find((one) => one instanceof Error);
      if (failed !== undefined) throw failed;
      const all = settled.flatMap((one) => (one instanceof Error ? [] : [one]));
      return {
        files: all.length,
        wire: all.reduce((sum, one) => sum + one.wire, 0),
        gzip: all.reduce((sum, one) => sum + one.gzip, 0),
        encodings: new Set(all.map((one) => one.encoding)),
      };
    },
  };
}

/** Milliseconds from navigation start until the workspace's content is visible (read in the page). */
async function workspaceVisibleAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    `(() => { const el = document.querySelector('${WORKSPACE_CONTENT}'); return el !== null && el.getBoundingClientRect().height > 0 ? performance.now() : false; })()`,
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function newContext(browser: Browser, baseURL: string, cookies: Cookie[] = []): Promise<BrowserContext> {
  // bypassCSP: the measuring predicate runs in the page, which the app's Content-Security-Policy would refuse (no eval).
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', baseURL, bypassCSP: true });
  if (cookies.length > 0) await context.addCookies(cookies);
  return context;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set LIANXI_CHROMIUM)`);
  await ensureWebBuild();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-bench-web-'));
  const config = loadConfig({ LIANXI_DATA_DIR: path.join(workDir, 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', LIANXI_WEB_DIR: WEB_DIR });
  const server = await startServer({ config, clock: systemClock, examples: true, print: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const securityAdmin = server.bootstrap.created.find((admin) => admin.role === 'security_admin');
    if (securityAdmin === undefined) throw new Error('the start sequence created no security administrator');
    const username = await createOfficeStaff(server.address, securityAdmin);

    // Signed out, cold: the sign-in page. Then signing in through it lands on the workspace.
    const first = await newContext(browser, server.address);
    const signInPage = await first.newPage();
    const signInScripts = recordScripts(signInPage);
    await signInPage.goto('/');
    await signInPage.waitForURL('**/sign-in');
    await signInPage.getByLabel('密码').waitFor({ state: 'visible' });
    const signIn = await signInScripts.total();
    await signInPage.getByLabel('账号').fill(username);
    await signInPage.getByLabel('密码').fill(STAFF_PASSWORD);
    await signInPage.getByRole('button', { name: /登\s*录/ }).click();
    await signInPage.waitForURL('**/workspace');
    await signInPage.locator(WORKSPACE_CONTENT).waitFor({ state: 'visible' });
    const cookies = await first.cookies();
    await first.close();

    // Signed in, cold: a new context each time (empty cache), the session cookie only.
    const cold: number[] = [];
    let workspaceScripts: ScriptBytes | null = null;
    for (let run = 0; run < RUNS; run += 1) {
      const context = await newContext(browser, server.address, cookies);
      const page = await context.newPage();
      const scripts = recordScripts(page);
      await page.goto('/workspace');
      cold.push(await workspaceVisibleAt(page));
      const loaded = await scripts.total();
      workspaceScripts ??= loaded;
      await context.close();
    }
    // Signed in, warm: reloads in one context (scripts from the cache; the data asked again).
    const warm: number[] = [];
    const context = await newContext(browser, server.address, cookies);
    const page = await context.newPage();
    await page.goto('/workspace');
    await workspaceVisibleAt(page);
    for (let run = 0; run < RUNS; run += 1) {
      await page.reload();
      warm.push(await workspaceVisibleAt(page));
    }
    await context.close();

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const workspace = workspaceScripts ?? { files: 0, wire: 0, gzip: 0, encodings: new Set<string>() };
    const rows: [string, string, string][] = [
      [`sign-in page: JavaScript, gzip -9 (${signIn.files} files)`, kb(signIn.gzip), `≤ ${JS_BUDGET_KB} KB gz`],
      [`sign-in page: JavaScript as sent (${[...signIn.encodings].join(', ')})`, kb(signIn.wire), ''],
      [`workspace: JavaScript, gzip -9 (${workspace.files} files)`, kb(workspace.gzip), `≤ ${JS_BUDGET_KB} KB gz`],
      [`workspace: JavaScript as sent (${[...workspace.encodings].join(', ')})`, kb(workspace.wire), ''],
      [`workspace interactive, cold (median of ${RUNS})`, s(median(cold)), `≤ ${INTERACTIVE_BUDGET_S.toFixed(1)} s`],
      [`workspace interactive, warm (median of ${RUNS})`, s(median(warm)), ''],
    ];
    const over = [
      signIn.gzip > JS_BUDGET_KB * 1024,
      false,
      workspace.gzip > JS_BUDGET_KB * 1024,
      false,
      median(cold) > INTERACTIVE_BUDGET_S * 1000,
      false,
    ];
    const width = Math.max(...rows.map((row) => row[0].length));
    console.log(`\nbench:web — ${os.cpus().length} CPUs, Chromium headless, example bodies, office staff of every body`);
    console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  budget`);
    rows.forEach(([name, value, budget], index) => console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${budget}${over[index] ? '  OVER' : ''}`));
    console.log(`cold runs: ${cold.map(s).join(', ')}; warm runs: ${warm.map(s).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
