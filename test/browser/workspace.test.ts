/**
 * My workspace in a real browser: a liaison on a 390×844 phone screen sees the bodies their unit
 * sits in; the office staff sees a dashboard per body. No console errors; screenshots under
 * test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, MemberAccount } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const PHONE = { width: 390, height: 844 };

describe.skipIf(!available)('my workspace in Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;
  let liaison: MemberAccount;

  beforeAll(async () => {
    harness = await startHarness();
    liaison = await createMemberAccount(harness, { roleKind: 'liaison', username: 'liaison.phone' });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('shows a liaison the bodies their unit sits in on a 390×844 screen', async () => {
    const tracked = await signedIn('workspace-liaison-390x844', liaison.username, liaison.password, { viewport: PHONE });
    const { page } = tracked;
    await visible(page.getByRole('heading', { name: '我的工作台', level: 1 }));
    await visible(page.getByRole('heading', { name: '我参加的机构' }));
    await visible(page.getByRole('link', { name: liaison.bodyName }));
    if (liaison.unitName !== null) await visible(page.getByText(`代表 ${liaison.unitName}`));
    // The unit's open decisions, the meetings coming up and the inbox are there too (empty so far).
    await visible(page.getByRole('heading', { name: '本单位待办议定事项' }));
    await visible(page.getByRole('heading', { name: '近期会议' }));
    await visible(page.getByRole('heading', { name: '消息' }));
    await visible(page.getByRole('button', { name: '主导航' }));
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await unlabelledFields(page)).toEqual([]);
    // The liaison reads the body they sit in.
    await page.getByRole('link', { name: liaison.bodyName }).click();
    await visible(page.getByRole('heading', { name: liaison.bodyName, level: 1 }));
    await page.goBack();
    await visible(page.getByRole('heading', { name: '我参加的机构' }));
    // A personal calendar subscription: the address is shown once, serves an iCalendar feed, and
    // stops working when revoked.
    await page.getByRole('button', { name: '生成订阅地址' }).click();
    const feedUrl = (await page.getByTestId('calendar-feed-url').innerText()).trim();
    expect(feedUrl).toMatch(/\/api\/calendar-feeds\/[^/]+\.ics$/);
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: '停用订阅' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await visible(page.getByRole('button', { name: '生成订阅地址' }));
    expect((await fetch(feedUrl)).status).toBe(404);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('workspace-liaison-390x844');
  });

  it('shows the office staff a dashboard per body, in Chinese and in English', async () => {
    const tracked = await signedIn('workspace-office', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await visible(page.getByRole('heading', { name: '我负责的机构（办公室）' }));
    await expect.poll(() => page.locator('.lx-dashboard-card a[href^="/bodies/"]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'My workspace', level: 1 }));
    await visible(page.getByRole('heading', { name: 'Bodies whose office I work in' }));
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByRole('heading', { name: '我的工作台', level: 1 }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('workspace-office');
  });
});
