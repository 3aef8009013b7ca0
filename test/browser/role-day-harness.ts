/**
 * The harness of the role-day browser test (issue 15 acceptance): like harness.ts, a real server
 * on a copy of the example bodies' PGlite directory with the shared web build, and Debian's
 * Chromium; unlike it, no account is made through the API. Only the three bootstrap
 * administrators exist, with their one-time passwords; every other account is created by the
 * security administrator in the web app. Each role keeps one signed-in page for the whole day; every
 * page fails the test on a console error or on any HTTP response of 400 or more it did not declare.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/config/clock.ts';
import type { RunningServer } from '../../src/start/start.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR, openPage } from './harness.ts';
import type { Admin, TrackedPage } from './harness.ts';
import { copyDataDir, exampleBodiesDataDir, startOnDataDir } from './seeded-data.ts';
import { changeOneTimePassword, signIn } from './steps.ts';
import { sharedWebBuild } from './web-build.ts';
import type { AdminRole } from './seeded-data.ts';

export interface RoleDayHarness {
  server: RunningServer;
  browser: Browser;
  clock: ManualClock;
  baseUrl: string;
  /** The bootstrap administrators with the one-time passwords the start sequence printed */
  admins: Record<AdminRole, Admin>;
  close(): Promise<void>;
}

/**
 * Starts the server on a copy of the fresh example-bodies data directory (built once per run:
 * seeded-data.ts; only the three bootstrap administrators exist) and the shared web build, and
 * launches Chromium.
 */
export async function startRoleDayHarness(): Promise<RoleDayHarness> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-role-day-'));
  const webDir = await sharedWebBuild();
  const seeded = await exampleBodiesDataDir();
  const dataDir = path.join(workDir, 'data');
  await copyDataDir(seeded.dataDir, dataDir);
  const clock = new ManualClock(new Date());
  const server = await startOnDataDir({ dataDir, clock, webDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  await mkdir(RESULTS_DIR, { recursive: true });
  return {
    server,
    browser,
    clock,
    baseUrl: server.address,
    admins: seeded.accounts,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Where a signed-in page may land: anywhere but the sign-in and password-change pages. */
export function signedInLanding(url: URL): boolean {
  return !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/change-password');
}

/**
 * Opens a tracked page, signs in with a one-time password and replaces it on the forced password
 * change page (every account of the day starts with one), then waits for the first signed-in screen.
 */
export async function firstSignIn(harness: RoleDayHarness, username: string, oneTimePassword: string, newPassword: string): Promise<TrackedPage> {
  const tracked = await openPage(harness);
  const { page } = tracked;
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  await signIn(page, username, oneTimePassword);
  await changeOneTimePassword(page, oneTimePassword, newPassword);
  await page.waitForURL(signedInLanding);
  return tracked;
}

/** Opens `pathname` of the web app on a signed-in page (the session cookie stays) and waits for its URL. */
export async function goTo(page: Page, pathname: string): Promise<void> {
  await page.goto(pathname);
  await page.waitForURL((url) => url.pathname === pathname.split('?')[0]);
}
