/**
 * A meeting run in the browser by the body's own rules (seed 003, 桂林: minutes approved by the
 * 组长 or 副组长, never by the office): the office schedules a meeting and proposes an agenda item, the convener approves it,
 * the office records the meeting as held and the attendance and drafts the minutes with a decided
 * item; the office's sign-off is refused with the charter's clause, the convener's succeeds, the
 * office issues the minutes. The steps share one meeting and run in order. No console errors
 * except the declared refusal; screenshots under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, MemberAccount, TrackedPage } from './harness.ts';
import { chooseOption, pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const MEETING_TITLE = '浏览器测试全体会议';
const AGENDA_TITLE = '审议年度工作要点';

/** A local time (browser and server run on this machine) `minutes` from now, as the date picker writes it. */
function pickerTime(minutesAhead: number): string {
  const at = new Date(Date.now() + minutesAhead * 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe.skipIf(!available)('a meeting in Chromium', { timeout: 120_000 }, () => {
  let harness: Harness;
  let convener: MemberAccount;
  let liaison: MemberAccount;
  let meetingPath = '';
  let startsAt = 0;

  beforeAll(async () => {
    harness = await startHarness();
    convener = await createMemberAccount(harness, { roleKind: 'convener', username: 'convener.browser', bodyName: '桂林' });
    liaison = await createMemberAccount(harness, { roleKind: 'liaison', username: 'liaison.browser', bodyName: '桂林' });
  }, 180_000);

  const session = pageSession(() => harness);

  /** Signs in as the office staff, the convener or the liaison from `path`, and lands back on it. */
  async function signedIn(name: string, who: 'staff' | 'convener' | 'liaison', path: string): Promise<TrackedPage> {
    const account = who === 'staff' ? harness.staff : who === 'convener' ? convener : liaison;
    return session.signedIn(name, account.username, account.password, { path, landing: (url) => url.pathname === path.split('?')[0] });
  }

  it('lets the office schedule a meeting with an agenda item and a presider', async () => {
    const tracked = await signedIn('meeting-scheduled', 'staff', `/bodies/${convener.bodyId}`);
    const { page } = tracked;
    await page.getByRole('tab', { name: '会议' }).click();
    await page.getByRole('button', { name: '安排会议' }).click();
    const dialog = page.getByRole('dialog', { name: '安排会议' });
    await dialog.getByLabel('会议名称').fill(MEETING_TITLE);
    const time = pickerTime(10);
    startsAt = Date.parse(time.replace(' ', 'T'));
    await dialog.getByLabel('开始时间').click();
    await dialog.getByLabel('开始时间').fill(time);
    await dialog.getByLabel('开始时间').press('Enter');
    await dialog.getByLabel('地点').fill('第一会议室');
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/meetings\/[^/?]+$/);
    meetingPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name: MEETING_TITLE, level: 1 }));
    await visible(page.getByTestId('meeting-status').filter({ hasText: '草稿' }));

    await page.getByRole('tabpanel', { name: '议题' }).getByLabel('议题', { exact: true }).fill(AGENDA_TITLE);
    await page.getByRole('button', { name: '提出议题' }).click();
    await visible(page.getByTestId('agenda-item').filter({ hasText: AGENDA_TITLE }).filter({ hasText: '待审定' }));

    await page.getByRole('combobox', { name: '确定主持人' }).click();
    await chooseOption(page, convener.title);
    await visible(page.getByText(`${convener.title} ${convener.personName}`));
    await page.getByRole('button', { name: '发出会议通知' }).click();
    await visible(page.getByTestId('meeting-status').filter({ hasText: '已通知' }));
    // The invitation for the invitees' calendars (RFC 5545, METHOD:REQUEST while the meeting stands).
    const invitation = page.getByRole('link', { name: /加入日历/ });
    await visible(invitation);
    const href = await invitation.getAttribute('href');
    expect(href).toMatch(/\/meetings\/[^/]+\/invitation$/);
    const ics = await page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).text(), href ?? '');
    expect(ics).toContain('METHOD:REQUEST');
    await page.getByRole('tab', { name: '参会人员' }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await unlabelledFields(page)).toEqual([]);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('meeting-scheduled');
  });

  it('lets the convener approve the agenda item', async () => {
    expect(meetingPath).not.toBe('');
    const tracked = await signedIn('meeting-agenda-approved', 'convener', '/workspace');
    const { page } = tracked;
    // The workspace shows the convener what waits for their approval.
    const waiting = page.getByTestId('waiting-item').filter({ hasText: `待审定议题：${MEETING_TITLE}` });
    await visible(waiting);
    await page.screenshot({ path: 'test-results/workspace-convener.png', fullPage: true });
    await waiting.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    const item = page.getByTestId('agenda-item').filter({ hasText: AGENDA_TITLE });
    await item.getByRole('button', { name: /同\s*意/ }).first().click();
    await visible(item.filter({ hasText: '已同意' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('meeting-agenda-approved');
  });

  it('lets the office record the meeting as held, its attendance and the minutes with a decided item', async () => {
    // The meeting has begun on the server's clock.
    harness.clock.advance(Math.max(0, startsAt + 60_000 - harness.clock.now().getTime()));
    const tracked = await signedIn('meeting-attendance-minutes', 'staff', meetingPath);
    const { page } = tracked;
    await page.getByRole('button', { name: '标记为已召开' }).click();
    await visible(page.getByTestId('meeting-status').filter({ hasText: '已召开' }));

    await page.getByRole('tab', { name: '出席情况' }).click();
    const statuses = page.getByRole('combobox', { name: /出席情况$/ });
    await expect.poll(() => statuses.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await statuses.nth(0).click();
    await chooseOption(page, '出席');
    await statuses.nth(1).click();
    await chooseOption(page, '请假');
    await page.getByRole('textbox', { name: /请假事由$/ }).fill('出差');
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '保存出席情况' }).click();
    await visible(page.getByText('出席情况已保存。'));

    await page.getByRole('tab', { name: '会议纪要' }).click();
    await page.getByLabel('主要内容').fill('会议听取了各成员单位工作情况汇报，研究部署下一阶段工作。');
    await page.getByRole('button', { name: '添加议定事项' }).click();
    await page.getByLabel('事项内容').fill('各成员单位于规定时限内报送工作总结。');
    await page.getByLabel('主办单位').click();
    // The liaison's unit leads the item, so that the liaison reports on it below.
    await chooseOption(page, liaison.unitName ?? undefined);
    // This charter states no handling deadline (办理时限): the item gets 10 working days.
    await page.getByRole('radio', { name: '工作日数' }).check();
    await visible(page.getByLabel('工作日', { exact: true }));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '起草纪要' }).click();
    await visible(page.getByTestId('minutes-status').filter({ hasText: '草稿' }));
    await page.screenshot({ path: `test-results/meeting-minutes-draft.png`, fullPage: true });

    // The office may not sign off (the charter names who does): the server lists no 审定签发 for it,
    // so the button is not offered (issue 15), while the office still downloads the draft.
    await visible(page.getByTestId('minutes-actions').getByText('下载纪要（Word）'));
    expect(await page.getByRole('button', { name: '审定签发' }).count()).toBe(0);
    await visible(page.getByTestId('minutes-status').filter({ hasText: '草稿' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('meeting-signoff-refused');
  });

  it('lets the convener sign off the minutes and the office issue them', async () => {
    const convenerPage = await signedIn('meeting-signed-off', 'convener', meetingPath);
    await convenerPage.page.getByRole('tab', { name: '会议纪要' }).click();
    await convenerPage.page.getByRole('button', { name: '审定签发' }).click();
    await convenerPage.page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await visible(convenerPage.page.getByTestId('minutes-status').filter({ hasText: '已审定' }));
    expect(convenerPage.problems()).toEqual([]);
    await convenerPage.finish('meeting-signed-off');

    const staffPage = await signedIn('meeting-minutes-issued', 'staff', meetingPath);
    await staffPage.page.getByRole('tab', { name: '会议纪要' }).click();
    await staffPage.page.getByRole('button', { name: '印发纪要' }).click();
    await staffPage.page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await visible(staffPage.page.getByTestId('minutes-status').filter({ hasText: '已印发' }));
    await visible(staffPage.page.getByText(/年第\d+期/));
    await visible(staffPage.page.getByText('已交办议定事项 1 项'));
    expect(staffPage.problems()).toEqual([]);
    await staffPage.finish('meeting-minutes-issued');
  });

  it("lets the lead unit's liaison report progress and completion from the workspace", async () => {
    const tracked = await signedIn('decision-reported', 'liaison', '/workspace');
    const { page } = tracked;
    const item = page.getByTestId('unit-decision').filter({ hasText: '各成员单位于规定时限内报送工作总结' });
    await visible(item);
    await visible(item.getByText(/剩 \d+ 个工作日|今日到期/));
    await item.locator('a').first().click();
    const drawer = page.locator('.lx-decision-drawer');
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '交办' }));
    await drawer.getByRole('textbox', { name: '进展情况' }).fill('已部署各单位开展总结工作。');
    await drawer.getByRole('button', { name: '报告进展' }).click();
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '已部署各单位开展总结工作。' }));
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '办理中' }));
    expect(await unlabelledFields(page)).toEqual([]);
    await drawer.getByRole('textbox', { name: '进展情况' }).fill('工作总结已全部报送。');
    await drawer.getByRole('button', { name: '报告办结' }).click();
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '已报办结' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('decision-reported');
  });

  it('lets the office close the decision and see it on the board and in the charts', async () => {
    const tracked = await signedIn('decision-closed', 'staff', `/bodies/${convener.bodyId}`);
    const { page } = tracked;
    await page.getByRole('tab', { name: '议定事项' }).click();
    await page.getByTestId('decision-link').filter({ hasText: '各成员单位于规定时限内报送工作总结' }).click();
    const drawer = page.locator('.lx-decision-drawer');
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '报告办结' }));
    await drawer.getByRole('button', { name: /销\s*号/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '已销号' }));
    await page.keyboard.press('Escape');
    await page.getByText('看板', { exact: true }).click();
    await visible(page.getByTestId('board-closed').getByText('各成员单位于规定时限内报送工作总结'));
    await page.getByText('统计图', { exact: true }).click();
    await visible(page.getByTestId('chart-completion').locator('canvas'));
    expect(await unlabelledFields(page)).toEqual([]);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('decision-closed');
  });
});
