/** Steps shared by the browser tests: waiting for an element, signing in through the sign-in page, the page hooks. */
import { afterAll, afterEach } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage } from './harness.ts';
import type { Harness, TrackedPage } from './harness.ts';

/**
 * The 401 of /api/auth/me the web app met before signing in, until issue 15 point 8: it now asks
 * the session probe (/api/auth/session, 200 when signed out), so no test needs to expect this. Kept
 * for files that still declare it (an expected refusal that never comes is harmless).
 */
export const ME_401 = { method: 'GET', path: '/api/auth/me', status: 401 } as const;

/** Waits until the locator's (first) element is visible; fails the test after 15 s. */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Chooses `optionText` (or the first option) in the open antd Select dropdown of a single select,
 * and waits until the dropdown closes, so that the next dropdown's options are the only ones shown.
 * A click that did not take (the dropdown still open after 3 s) is made again, at most twice.
 * Returns the chosen option's text.
 */
export async function chooseOption(page: Page, optionText?: string): Promise<string> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const option = optionText === undefined ? options.first() : options.filter({ hasText: optionText }).first();
  await visible(option);
  const text = (await option.innerText()).trim();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // A click is lost when the dropdown closed in between (the choice then took): ignore that.
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    const closed = await option.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    if (closed) return text;
  }
  await option.waitFor({ state: 'hidden', timeout: 15_000 });
  return text;
}

/** Fills the sign-in form and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** On the forced password change page: replaces the one-time password. */
export async function changeOneTimePassword(page: Page, oneTimePassword: string, newPassword: string): Promise<void> {
  await page.waitForURL('**/change-password');
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
}

/** How `signedIn` opens the web app and where it expects to land after signing in. */
export interface SignInRoute {
  /** The page opened first; it redirects to the sign-in page (default '/'). */
  path?: string;
  /** Where signing in lands: a URL glob or a test on the URL (default the workspace). */
  landing?: string | ((url: URL) => boolean);
  viewport?: { width: number; height: number };
  /** A step between submitting the sign-in form and the landing (e.g. the forced password change). */
  afterSignIn?: (page: Page) => Promise<void>;
}

/** The pages of one browser test file: open a tracked page, or one already signed in. */
export interface PageSession {
  track(name: string, viewport?: { width: number; height: number }): Promise<TrackedPage>;
  signedIn(name: string, username: string, password: string, route?: SignInRoute): Promise<TrackedPage>;
}

/**
 * Registers (inside a describe block) the hooks every browser test file needs: after each test the
 * page it left unfinished is finished with a `-failed` screenshot; after all tests the harness
 * closes. `harness` reads the harness its beforeAll started.
 */
export function pageSession(harness: () => Harness | undefined): PageSession {
  let current: TrackedPage | null = null;
  let currentName = '';

  afterEach(async () => {
    if (current !== null && !current.finished()) await current.finish(`${currentName}-failed`);
    current = null;
  });

  afterAll(async () => {
    await harness()?.close();
  });

  async function track(name: string, viewport?: { width: number; height: number }): Promise<TrackedPage> {
    const started = harness();
    if (started === undefined) throw new Error('the browser harness has not started');
    current = await openPage(started, viewport);
    currentName = name;
    return current;
  }

  async function signedIn(name: string, username: string, password: string, route: SignInRoute = {}): Promise<TrackedPage> {
    const tracked = await track(name, route.viewport);
    await tracked.page.goto(route.path ?? '/');
    await tracked.page.waitForURL('**/sign-in');
    await signIn(tracked.page, username, password);
    if (route.afterSignIn !== undefined) await route.afterSignIn(tracked.page);
    await tracked.page.waitForURL(route.landing ?? '**/workspace');
    return tracked;
  }

  return { track, signedIn };
}
