/**
 * The to-do centre in a real browser (issue 15 point 4): a liaison's proposed membership change
 * waits for the office; the office staff opens 待办 from the menu (its count badge), sees the item
 * under its kind and follows its link to the body's members. The harness sets up the accounts and
 * the proposal through the API; every step of the office goes through the web app.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, chromiumAvailable, createMemberAccount, harnessToday, startHarness } from './harness.ts';
import type { Harness, MemberAccount } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const SUCCESSOR = '待办接任乙';

/** A signed-in JSON client of the API (its own session cookie). */
async function signedInClient(baseUrl: string, username: string, password: string) {
  const call = apiClient(baseUrl);
  await call('POST', '/api/auth/sign-in', { username, password });
  return call;
}

describe.skipIf(!available)('the to-do centre in Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;
  let liaison: MemberAccount;

  beforeAll(async () => {
    harness = await startHarness();
    liaison = await createMemberAccount(harness, { roleKind: 'liaison', username: 'liaison.todo' });
    const today = harnessToday(harness);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const call = await signedInClient(harness.baseUrl, liaison.username, liaison.password);
    const memberships = (await call('GET', `/api/bodies/${liaison.bodyId}/memberships?at=${today}&roleKind=liaison`)) as { items: { id: string; personId: string | null }[] };
    const own = memberships.items.find((m) => m.personId === liaison.personId);
    if (own === undefined) throw new Error('the liaison holds no post');
    await call('POST', `/api/bodies/${liaison.bodyId}/membership-changes`, {
      kind: 'handover',
      membershipId: own.id,
      personName: SUCCESSOR,
      effectiveDate: tomorrow,
      reason: '岗位调整',
    });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('office staff opens 待办 and follows an item to its screen', async () => {
    const tracked = await signedIn('todo-office', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    const menu = page.getByRole('menu', { name: '主导航' });
    await visible(menu.getByTestId('todo-nav-count'));
    await menu.getByText('待办事项').click();
    await visible(page.getByRole('heading', { name: '待办事项', level: 1 }));
    const group = page.getByTestId('todo-group-membership_confirmation');
    await visible(group.getByRole('heading', { name: '待确认人员调整' }));
    const item = group.getByRole('link', { name: new RegExp(SUCCESSOR) });
    await visible(item);
    await visible(group.getByText(liaison.bodyName).first());
    await item.click();
    await page.waitForURL((url) => url.pathname === `/bodies/${liaison.bodyId}` && url.searchParams.get('tab') === 'members');
    await visible(page.getByTestId('membership-changes').getByText(SUCCESSOR).first());
    // 已办: what the office did is listed (it signed in)
    await page.goBack();
    await page.getByRole('tab', { name: '已办' }).click();
    await visible(page.getByRole('cell', { name: '登录' }).first());
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('todo-office');
  });
});
