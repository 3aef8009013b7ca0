/**
 * People and roles in a real browser (issue 15 point 2), with no API call made by the test: the
 * security administrator creates an account for the convener of an example body by finding that
 * person in the new-account dialog (the person, unit and roles show in the drawer, and an
 * administrator account is offered no link); the office staff adds a liaison where a unit's post is
 * vacant, from the members tab; the convener signs in with the one-time password, changes it and
 * sees the body in the workspace. No console errors; screenshots under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, unlabelledFields } from './harness.ts';
import type { Harness } from './harness.ts';
import { changeOneTimePassword, pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
/** The example joint meeting (桂林): its charter names its 组长; it names no liaison. */
const BODY = '桂林市政务服务工作联席会议';
const CONVENER = '粟增林';
const LIAISON = '浏览器联络员乙';

describe.skipIf(!available)('people and roles in Chromium', { timeout: 60_000 }, () => {
  let harness: Harness;
  let oneTimePassword = '';

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);

  const session = pageSession(() => harness);
  const anyLanding = (url: URL) => !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/change-password');

  it('the security administrator creates an account linked to the convener', async () => {
    const tracked = await session.signedIn('people-roles-security', harness.security.username, harness.security.password, { landing: anyLanding });
    const { page } = tracked;
    await page.goto('/admin/accounts');
    await visible(page.getByRole('cell', { name: 'office.staff', exact: true }));
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('账号').fill('convener.people');
    const picker = dialog.getByLabel('按人名或单位查找');
    await picker.click();
    await picker.fill(CONVENER);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${CONVENER} — .*${BODY}`) });
    await visible(option);
    await option.first().click();
    // Picking the person fills the name; an administrator role can no longer be chosen.
    await expect.poll(() => dialog.getByLabel('姓名').inputValue()).toBe(CONVENER);
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const password = page.getByTestId('one-time-password');
    await visible(password);
    oneTimePassword = (await password.innerText()).trim();
    await page.getByRole('dialog', { name: '一次性密码' }).getByRole('button', { name: /确\s*定/ }).click();

    // The drawer shows the person, the post and the body held through that person.
    await page.getByRole('button', { name: '管理 convener.people' }).click();
    const drawer = page.locator('.lx-account-drawer');
    const person = drawer.getByTestId('account-person');
    await visible(person.getByText(CONVENER, { exact: true }));
    await visible(person.getByText(BODY));
    await visible(drawer.getByRole('button', { name: '解除关联' }));
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

    // An administrator account is offered no person link (三员分立).
    await page.getByRole('button', { name: `管理 ${harness.admins.audit_admin.username}` }).click();
    await visible(drawer.getByTestId('person-link-refused'));
    expect(await drawer.getByRole('button', { name: '关联', exact: true }).count()).toBe(0);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('people-roles-security');
  });

  it('the office staff adds a liaison where the post is vacant', async () => {
    const tracked = await session.signedIn('people-roles-office', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto('/bodies');
    await page.getByRole('link', { name: BODY }).first().click();
    await visible(page.getByRole('heading', { name: BODY, level: 1 }));
    await page.getByRole('tab', { name: /成员/ }).first().click();
    const add = page.getByRole('button', { name: /添加联络员$/ }).first();
    await visible(add);
    const label = (await add.getAttribute('aria-label')) ?? '';
    const unitName = label.replace(/ 添加联络员$/u, '');
    await add.click();
    const dialog = page.getByRole('dialog', { name: /添加任职/ });
    await visible(dialog.getByText('此项变动由办公室直接登记'));
    await dialog.getByLabel('姓名').fill(LIAISON);
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    const row = page.locator('tr', { hasText: unitName }).filter({ hasText: LIAISON });
    await visible(row);
    // The post's history lists the new holder, in office.
    await row.getByRole('button', { name: `${unitName} 历史` }).click();
    const history = page.getByRole('dialog', { name: `任职历史：${unitName}` });
    await visible(history.getByRole('cell', { name: LIAISON }));
    await visible(history.getByText('在任'));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('people-roles-office');
  });

  it('the convener signs in with the one-time password, changes it and sees the body', async () => {
    expect(oneTimePassword).not.toBe('');
    const tracked = await session.signedIn('people-roles-convener', 'convener.people', oneTimePassword, {
      afterSignIn: (page) => changeOneTimePassword(page, oneTimePassword, 'Mf8&Tw3k-Qz6n'),
    });
    const { page } = tracked;
    await visible(page.getByRole('link', { name: BODY }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('people-roles-convener');
  });
});
