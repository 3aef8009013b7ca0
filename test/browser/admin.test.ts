/**
 * The administration screens in a real browser (三员分立): the security administrator creates an
 * account, grants it a role in a body, disables and enables it; the audit administrator sees the
 * audit trail with its chain verified, finds a person's sign-ins by name and downloads them; the
 * system administrator changes a setting. Each role sees only its own menu entries. No console errors; each test saves a screenshot under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, TrackedPage } from './harness.ts';
import { changeOneTimePassword, pageSession, visible } from './steps.ts';

const available = chromiumAvailable();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(!available)('administration screens in Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);

  const session = pageSession(() => harness);

  /** Signs in; a bootstrap administrator (`oneTime`) first replaces its one-time password by `password`. */
  async function signedIn(name: string, username: string, password: string, oneTime = false): Promise<TrackedPage> {
    const oneTimePassword = oneTime ? harness.admins[oneTimeRole(username)].oneTimePassword : null;
    return session.signedIn(name, username, oneTimePassword ?? password, {
      afterSignIn: oneTimePassword === null ? undefined : (page) => changeOneTimePassword(page, oneTimePassword, password),
      landing: (url) => !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/change-password'),
    });
  }

  function oneTimeRole(username: string): 'system_admin' | 'audit_admin' | 'security_admin' {
    const found = (['system_admin', 'audit_admin', 'security_admin'] as const).find((role) => harness.admins[role].username === username);
    if (found === undefined) throw new Error(`${username} is no bootstrap administrator`);
    return found;
  }

  it('lets the security administrator create an account, grant a body role, disable and enable it', async () => {
    const tracked = await signedIn('admin-accounts', harness.security.username, harness.security.password);
    const { page } = tracked;
    const menu = page.getByRole('menu', { name: '主导航' });
    await visible(menu.getByRole('menuitem', { name: '账号与角色' }));
    expect(await menu.getByRole('menuitem', { name: '审计记录' }).count()).toBe(0);
    expect(await menu.getByRole('menuitem', { name: '系统设置' }).count()).toBe(0);
    await menu.getByRole('menuitem', { name: '账号与角色' }).click();
    await page.waitForURL('**/admin/accounts');
    await visible(page.getByRole('cell', { name: 'office.staff', exact: true }));
    expect(await unlabelledFields(page)).toEqual([]);

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('账号').fill('liaison.browser');
    await dialog.getByLabel('姓名').fill('联络员测试');
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const password = page.getByTestId('one-time-password');
    await visible(password);
    expect((await password.innerText()).trim().length).toBeGreaterThanOrEqual(8);
    await page.getByRole('dialog', { name: '一次性密码' }).getByRole('button', { name: /确\s*定/ }).click();

    // The one-time password dialog may still be closing (its focus trap) when the search is typed:
    // type it again until the search reaches the address, at most three times.
    const search = page.getByRole('searchbox', { name: '按账号或姓名搜索' });
    for (let attempt = 1; ; attempt += 1) {
      await search.fill('liaison.browser');
      await search.press('Enter');
      try {
        await page.waitForURL(/search=liaison\.browser/, { timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.getByRole('button', { name: '管理 liaison.browser' }).click();
    const drawer = page.locator('.lx-account-drawer');
    await visible(drawer.getByText('未授予任何机构内角色'));
    expect(await unlabelledFields(page)).toEqual([]);

    // Grant "office staff" on the first body the picker offers.
    await drawer.getByRole('combobox', { name: '选择机构（可输入名称搜索）' }).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await visible(option);
    const bodyName = (await option.innerText()).trim();
    await option.click();
    await drawer.getByRole('button', { name: /授\s*予/ }).last().click();
    await visible(drawer.getByRole('cell', { name: bodyName }));
    await visible(drawer.getByRole('cell', { name: '办公室工作人员' }));

    await drawer.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await visible(drawer.getByText('已停用'));
    await drawer.getByRole('button', { name: /启\s*用/ }).click();
    await visible(drawer.getByRole('button', { name: /停\s*用/ }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('admin-accounts');
  });

  it('shows the audit administrator the audit trail for people: filtered by a person name and an action name, downloaded', async () => {
    // A convener with an account linked to the person signs in (through the API): the trail names that person.
    const convener = await createMemberAccount(harness, { roleKind: 'convener', username: 'audit.convener' });
    const tracked = await signedIn('admin-audit', harness.admins.audit_admin.username, 'Kd5^Rx8w-Pf2m', true);
    const { page } = tracked;
    const menu = page.getByRole('menu', { name: '主导航' });
    await visible(menu.getByRole('menuitem', { name: '审计记录' }));
    expect(await menu.getByRole('menuitem', { name: '账号与角色' }).count()).toBe(0);
    await menu.getByRole('menuitem', { name: '审计记录' }).click();
    await page.waitForURL('**/admin/audit');
    await visible(page.getByTestId('audit-chain-status').filter({ hasText: '审计链完整' }));
    // Actions by their Chinese names; the actor as its account's display name and username, not as an id.
    await visible(page.getByRole('cell', { name: '新建账号' }).first());
    await visible(page.getByRole('cell', { name: new RegExp(`（账号 ${escapeRegExp(harness.security.username)}）`) }).first());
    expect(await page.getByRole('cell', { name: 'account.create' }).count()).toBe(0);
    expect(await unlabelledFields(page)).toEqual([]);

    await page.getByRole('textbox', { name: '操作人（姓名或账号）' }).fill(convener.personName);
    await page.getByRole('combobox', { name: '操作（可输入名称搜索）' }).click();
    await page.getByRole('combobox', { name: '操作（可输入名称搜索）' }).fill('登录');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^登录$/ }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/action=auth\.sign_in/);
    await expect.poll(() => page.getByRole('cell', { name: '新建账号' }).count(), { timeout: 15_000 }).toBe(0);
    await visible(page.getByRole('cell', { name: '登录' }).first());
    await visible(page.getByRole('cell', { name: new RegExp(`（账号 audit\\.convener）`) }).first());
    await visible(page.getByText(/共 \d+ 条/));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(download.url()).toContain(`actor=${encodeURIComponent(convener.personName)}`);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('admin-audit');
  });

  it('lets the system administrator change the session timeout', async () => {
    const tracked = await signedIn('admin-settings', harness.admins.system_admin.username, 'Jn3*Vy7q-Cs4h', true);
    const { page } = tracked;
    const menu = page.getByRole('menu', { name: '主导航' });
    await menu.getByRole('menuitem', { name: '系统设置' }).click();
    await page.waitForURL('**/admin/settings');
    const idle = page.getByLabel('空闲超时（分钟）');
    await visible(idle);
    expect(await unlabelledFields(page)).toEqual([]);
    await idle.fill('45');
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('设置已保存。'));
    await page.reload();
    await expect.poll(() => page.getByLabel('空闲超时（分钟）').inputValue(), { timeout: 15_000 }).toBe('45');
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('admin-settings');
  });
});
