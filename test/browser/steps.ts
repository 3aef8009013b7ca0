/** Steps shared by the browser tests: waiting for an element, signing in through the sign-in page. */
import type { Locator, Page } from 'playwright-core';

export const ME_401 = { method: 'GET', path: '/api/auth/me', status: 401 } as const;

/** Waits until the locator's (first) element is visible; fails the test after 15 s. */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
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
