/**
 * The web application in a real browser against a real server: sign-in, lockout, forced password
 * change, the bodies registry (also at 390×844), a body with its organisation chart, members and
 * charter view, importing a charter by pasting text, switching language, session expiry. No test
 * may log a console error; each saves a screenshot under test-results/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, chromiumAvailable, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, TrackedPage } from './harness.ts';
import { pageSession, signIn, visible } from './steps.ts';

const available = chromiumAvailable();
const NEW_PASSWORD = 'Gp8@Tc3x-Mw6z';
const ROWS = '.ant-table-tbody tr.ant-table-row';

describe.skipIf(!available)('web application in Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;
  let adminPassword: string;

  beforeAll(async () => {
    harness = await startHarness();
    adminPassword = harness.admins.system_admin.oneTimePassword;
  }, 180_000);

  const { track, signedIn: signedInAs } = pageSession(() => harness);

  /** Signs in through the sign-in page as the office staff (default) or the system administrator. */
  async function signedIn(name: string, who: 'staff' | 'admin' = 'staff', viewport?: { width: number; height: number }): Promise<TrackedPage> {
    const tracked = who === 'staff'
      ? await signedInAs(name, harness.staff.username, harness.staff.password, { viewport })
      : await signedInAs(name, harness.admins.system_admin.username, adminPassword, { viewport });
    // Signing in lands on the workspace; these tests start from the registry.
    await tracked.page.goto('/bodies');
    await expect.poll(() => tracked.page.locator(ROWS).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    return tracked;
  }

  it('answers a signed-out first visit with the sign-in page, no failed request, and compressed JavaScript', async () => {
    const tracked = await track('signed-out-visit');
    const { page } = tracked;
    const encodings = new Map<string, string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'identity');
    });
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await visible(page.getByRole('heading', { name: '登录' }));
    // No refusal is declared: the session probe answers 200 when nobody is signed in (no 401 in the console).
    expect(tracked.problems()).toEqual([]);
    const entry = await page.locator('script[type="module"][src]').first().getAttribute('src');
    expect(entry).toMatch(/^\/assets\/.+\.js$/);
    expect(encodings.get(entry ?? '')).toMatch(/^(br|gzip)$/);
    await tracked.finish('signed-out-visit');
  });

  it('shows the server message for a wrong password and for a locked account', async () => {
    const tracked = await track('sign-in-locked');
    const { page } = tracked;
    tracked.expect({ method: 'POST', path: '/api/auth/sign-in', status: 401 });
    tracked.expect({ method: 'POST', path: '/api/auth/sign-in', status: 423 });
    await page.goto('/bodies');
    await page.waitForURL('**/sign-in');
    await visible(page.getByRole('heading', { name: '登录' }));
    expect(await unlabelledFields(page)).toEqual([]);

    await signIn(page, harness.admins.audit_admin.username, 'wrong-password-1');
    await visible(page.getByRole('alert').filter({ hasText: '用户名或密码错误' }));
    let status = 401;
    for (let attempt = 2; attempt <= 8 && status !== 423; attempt += 1) {
      await page.getByLabel('密码').fill(`wrong-password-${attempt}`);
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/sign-in')),
        page.getByRole('button', { name: /登\s*录/ }).click(),
      ]);
      status = response.status();
    }
    expect(status).toBe(423);
    await visible(page.getByRole('alert').filter({ hasText: '锁定' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('sign-in-locked');
  });

  it('makes a bootstrap administrator change the one-time password at first sign-in', async () => {
    const tracked = await track('forced-password-change');
    const { page } = tracked;
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await signIn(page, harness.admins.system_admin.username, harness.admins.system_admin.oneTimePassword);
    await page.waitForURL('**/change-password');
    await visible(page.getByText('首次登录须修改初始密码'));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByLabel('当前密码').fill(harness.admins.system_admin.oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL('**/workspace');
    adminPassword = NEW_PASSWORD;
    await visible(page.getByRole('heading', { name: '我的工作台' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('forced-password-change');
  });

  it('lists the bodies with filters and search', async () => {
    const tracked = await signedIn('bodies-registry');
    const { page } = tracked;
    const firstName = (await page.locator(`${ROWS} a`).first().innerText()).trim();
    expect(firstName.length).toBeGreaterThan(0);
    expect(await unlabelledFields(page)).toEqual([]);

    // Search by part of the name: the server filters, the row stays.
    const search = page.getByRole('searchbox', { name: '按机构名称搜索' });
    await search.fill(firstName.slice(0, Math.min(6, firstName.length)));
    await search.press('Enter');
    await page.waitForURL(/q=/);
    await visible(page.getByRole('link', { name: firstName }));

    // A filter by kind goes to the server too.
    await page.getByRole('combobox', { name: '机构类型' }).click();
    await page.getByTitle('工作专班').click();
    await page.waitForURL(/kind=task_force/);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('bodies-registry');
  });

  it('opens a body, its organisation chart, members and the charter view', async () => {
    const tracked = await signedIn('body');
    const { page } = tracked;
    const link = page.locator(`${ROWS} a`).first();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/bodies\/[^/?]+$/);
    await visible(page.getByRole('heading', { name, level: 1 }));
    await visible(page.getByRole('heading', { name: '制度摘要' }));
    await visible(page.getByText('文号', { exact: true }));
    await page.screenshot({ path: path.join(RESULTS_DIR, 'body-overview.png'), fullPage: true });

    await page.getByRole('tab', { name: '组织架构' }).click();
    const chart = page.getByTestId('org-chart');
    await visible(chart.locator('canvas'));
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'body-org-chart.png'), fullPage: true });

    await page.getByRole('tab', { name: '成员与联络员' }).click();
    await visible(page.getByLabel('查询日期'));
    await visible(page.getByRole('heading', { name: /成员单位及人员/ }));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'body-members.png'), fullPage: true });

    await page.getByRole('tab', { name: '制度', exact: true }).click();
    // Choose the last item with a source (far down the text): its span is marked, in its sentence.
    const items = page.locator('.lx-source-item:not([disabled])');
    const item = items.last();
    await item.click();
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    const mark = page.getByTestId('charter-source-mark');
    await visible(mark);
    expect((await mark.innerText()).trim().length).toBeGreaterThan(0);
    // The text pane scrolls so that the marked sentence is inside it.
    const pane = page.getByTestId('charter-text');
    await expect
      .poll(
        async () => {
          const [paneBox, markBox] = [await pane.boundingBox(), await mark.boundingBox()];
          return paneBox !== null && markBox !== null && markBox.y >= paneBox.y && markBox.y + markBox.height <= paneBox.y + paneBox.height;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'body-charter-source.png') });

    await page.getByRole('tab', { name: '版本' }).click();
    await visible(page.getByText('版本 1'));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('body-charter-view');
  });

  it('imports a charter by pasting its text, previews the findings and publishes it', async () => {
    const text = await readFile(new URL('../fixtures/unseen/joint-meeting-county-rules.txt', import.meta.url), 'utf8');
    const tracked = await signedIn('import-charter', 'admin');
    const { page } = tracked;
    await page.getByRole('menuitem', { name: '导入制度' }).click();
    await page.waitForURL('**/import');
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByLabel('成立文件全文').fill(text);
    await page.getByRole('button', { name: '预览提取结果' }).click();
    await visible(page.getByRole('heading', { name: '提取概要' }));
    await visible(page.getByText(/错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/));
    await page.screenshot({ path: path.join(RESULTS_DIR, 'import-preview.png'), fullPage: true });
    await page.getByRole('button', { name: '发布为新机构' }).click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await visible(page.getByText(/已创建机构/));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('import-charter');
  });

  it('switches the whole interface to English and back', async () => {
    const tracked = await signedIn('language-switch');
    const { page } = tracked;
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Coordination bodies' }));
    await visible(page.getByRole('columnheader', { name: 'Name' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'language-english.png'), fullPage: true });
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByRole('heading', { name: '议事协调机构' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('language-switch');
  });

  it('can be used from the keyboard alone: sign in, reach a body on the workspace, open it', async () => {
    const tracked = await track('keyboard');
    const { page } = tracked;
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await visible(page.getByLabel('账号'));
    // The username field has the focus; Tab leads to the password; Enter submits.
    await page.keyboard.type(harness.staff.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(harness.staff.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/workspace');
    await visible(page.locator('.lx-dashboard-card a[href^="/bodies/"]'));
    let reached = '';
    for (let presses = 0; presses < 60 && reached === ''; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        "(() => { const a = document.activeElement; return a && a.tagName === 'A' && a.closest('.lx-dashboard-card') ? a.textContent : ''; })()",
      );
    }
    expect(reached).not.toBe('');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bodies\/[^/?]+$/);
    await visible(page.getByRole('heading', { name: reached, level: 1 }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('keyboard');
  });

  it('shows the registry on a 390×844 phone screen', async () => {
    const tracked = await signedIn('bodies-registry-390x844', 'staff', { width: 390, height: 844 });
    const { page } = tracked;
    await visible(page.getByRole('heading', { name: '议事协调机构' }));
    await visible(page.getByRole('button', { name: '主导航' }));
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('bodies-registry-390x844');
  });

  it('sends an expired session back to sign-in with the server message', async () => {
    const tracked = await signedIn('session-expired');
    const { page } = tracked;
    harness.clock.advanceMinutes(24 * 60);
    tracked.expect({ method: 'GET', path: '/api/bodies', status: 401 });
    await page.getByRole('combobox', { name: '层级' }).click();
    await page.getByTitle('省级').click();
    await page.waitForURL('**/sign-in');
    await visible(page.getByText('会话已超时，请重新登录'));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('session-expired');
  });
});
