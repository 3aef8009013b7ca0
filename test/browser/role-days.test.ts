/**
 * Issue 15 acceptance: one working day of every role on one example body, in Chromium, with no API
 * call made by the test. Only the three bootstrap administrators exist at the start (their one-time
 * passwords come from the start sequence); the security administrator creates every other account
 * in the web app and links it to its person; the office adds a liaison, schedules, runs and minutes
 * a meeting; the convener and the deputy approve the agenda from their to-do centres; the convener
 * signs the minutes off; the member reads and downloads them; the liaison reports progress and
 * completion on the decided item; the office closes it and exports the ledger and the filtered list;
 * the audit administrator finds the sign-off by the convener's name and exports it.
 *
 * The screen walk: every page of the day fails the test on a console error and on any HTTP
 * response of 400 or more (none is declared), so the UI offers nothing the server refuses
 * (no 403/409/422 anywhere); at the end every role opens every screen of its menu and every tab of
 * the body. The steps run in order and share the pages: each role signs in once.
 *
 * The body is 桂林市政务服务工作联席会议 (seed 003): its charter names the 组长 (粟增林), the 副组长
 * (赵仲华) and the members, names no liaison, and has the agenda and the minutes approved by the
 * 组长 or the 副组长, never by the office.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { chromiumAvailable, unlabelledFields } from './harness.ts';
import type { TrackedPage } from './harness.ts';
import { firstSignIn, goTo, startRoleDayHarness } from './role-day-harness.ts';
import type { RoleDayHarness } from './role-day-harness.ts';
import { chooseOption, visible } from './steps.ts';

const available = chromiumAvailable();

const BODY = '桂林市政务服务工作联席会议';
const CONVENER = '粟增林';
const DEPUTY = '赵仲华';
const MEMBER = '黄声奎';
/** The liaison the office adds (the charter names none) */
const LIAISON = '周联络';
const OFFICE_NAME = '政务服务中心值班员';
const MEETING_TITLE = '政务服务工作联席会议第一次全体会议';
const AGENDA_CONVENER = '审议年度政务服务工作要点';
const AGENDA_DEPUTY = '通报行政审批事项进驻情况';
const DECISION = '各成员单位于规定时限内报送行政审批事项清单。';

type Role = 'security' | 'system' | 'office' | 'convener' | 'deputy' | 'member' | 'liaison' | 'audit';

/** A local time (browser and server run on this machine) `minutes` from now, as the date picker writes it. */
function pickerTime(minutesAhead: number): string {
  const at = new Date(Date.now() + minutesAhead * 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Clicks what starts a download and waits for the file; fails on a download that did not complete. */
async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), click()]);
  expect(await file.failure()).toBeNull();
  return file;
}

/** The text of a downloaded file. */
async function readDownload(file: Download): Promise<string> {
  const where = await file.path();
  return readFile(where, 'utf8');
}

/** Confirms the open popconfirm. */
async function confirmPopup(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
}

describe.skipIf(!available)('a day of every role on one body in Chromium', { timeout: 90_000 }, () => {
  let harness: RoleDayHarness | undefined;
  /** Each role's one page, signed in once */
  const pages = new Map<Role, TrackedPage>();
  /** One-time passwords the security administrator was shown, by role */
  const oneTime = new Map<Role, string>();
  const usernames: Record<Role, string> = {
    security: '',
    system: '',
    audit: '',
    office: 'office.day',
    convener: 'convener.day',
    deputy: 'deputy.day',
    member: 'member.day',
    liaison: 'liaison.day',
  };
  let bodyId = '';
  let liaisonUnit = '';
  let meetingPath = '';
  let startsAt = 0;
  let failed = false;

  beforeAll(async () => {
    harness = await startRoleDayHarness();
    usernames.security = harness.admins.security_admin.username;
    usernames.system = harness.admins.system_admin.username;
    usernames.audit = harness.admins.audit_admin.username;
  }, 180_000);

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });

  /** One part of the day: skipped once an earlier part failed (the day builds on every step before). */
  function step(name: string, run: () => Promise<void>): void {
    it(name, async (context) => {
      if (failed) context.skip();
      await run();
    });
  }

  afterAll(async () => {
    for (const [role, tracked] of pages) {
      if (!tracked.finished()) await tracked.finish(`role-day-${role}${failed ? '-failed' : ''}`);
    }
    await harness?.close();
  });

  const started = (): RoleDayHarness => {
    if (harness === undefined) throw new Error('the harness has not started');
    return harness;
  };

  /** The role's page: signed in already, or signed in now with its one-time password (changed on the way). */
  async function pageOf(role: Role): Promise<Page> {
    const open = pages.get(role);
    if (open !== undefined) return open.page;
    const adminPassword =
      role === 'security' ? started().admins.security_admin.oneTimePassword : role === 'system' ? started().admins.system_admin.oneTimePassword : role === 'audit' ? started().admins.audit_admin.oneTimePassword : undefined;
    const password = adminPassword ?? oneTime.get(role);
    if (password === undefined) throw new Error(`no account for the ${role} yet`);
    const tracked = await firstSignIn(started(), usernames[role], password, `Rd7#${role}-Kq2m`);
    pages.set(role, tracked);
    return tracked.page;
  }

  /** No console error and no refused request on the role's page so far. */
  function clean(role: Role): void {
    expect(pages.get(role)?.problems()).toEqual([]);
  }

  /**
   * On the accounts page: creates `username` linked to the person `personName` of the body (found
   * by name in the picker), and keeps the one-time password shown once for `role`.
   */
  async function createLinkedAccount(page: Page, role: Role, personName: string): Promise<void> {
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('账号').fill(usernames[role]);
    const picker = dialog.getByLabel('按人名或单位查找');
    await picker.click();
    await picker.fill(personName);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${personName} — .*${BODY}`) });
    await visible(option);
    await option.first().click();
    await expect.poll(() => dialog.getByLabel('姓名').inputValue()).toBe(personName);
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await keepOneTimePassword(page, role);
  }

  async function keepOneTimePassword(page: Page, role: Role): Promise<void> {
    const password = page.getByTestId('one-time-password');
    await visible(password);
    oneTime.set(role, (await password.innerText()).trim());
    const shown = page.getByRole('dialog', { name: '一次性密码' });
    await shown.getByRole('button', { name: /确\s*定/ }).click();
    await shown.waitFor({ state: 'hidden' });
  }

  step('security administrator: creates the office account with its body role and the accounts of the convener, deputy and member', async () => {
    const page = await pageOf('security');
    const menu = page.getByRole('menu', { name: '主导航' });
    await menu.getByRole('menuitem', { name: '账号与角色' }).click();
    await page.waitForURL('**/admin/accounts');
    await visible(page.getByRole('button', { name: '新建账号' }));

    // The office staff: an account with the body's office role (no post in the charter).
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('账号').fill(usernames.office);
    await dialog.getByLabel('姓名').fill(OFFICE_NAME);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await keepOneTimePassword(page, 'office');
    await page.getByRole('button', { name: `管理 ${usernames.office}` }).click();
    const drawer = page.locator('.lx-account-drawer');
    const bodyPicker = drawer.getByRole('combobox', { name: '选择机构（可输入名称搜索）' });
    await bodyPicker.click();
    await bodyPicker.fill('桂林');
    await chooseOption(page, BODY);
    await drawer.getByRole('button', { name: /授\s*予/ }).last().click();
    await visible(drawer.getByRole('cell', { name: BODY }));
    await visible(drawer.getByRole('cell', { name: '办公室工作人员' }));
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // The people the charter names: each account linked to its person, so that it holds the post.
    await createLinkedAccount(page, 'convener', CONVENER);
    await createLinkedAccount(page, 'deputy', DEPUTY);
    await createLinkedAccount(page, 'member', MEMBER);
    // The drawer shows the person, the body held through that person, and the link to undo.
    await page.getByRole('button', { name: `管理 ${usernames.convener}` }).click();
    const person = drawer.getByTestId('account-person');
    await visible(person.getByText(CONVENER, { exact: true }));
    await visible(person.getByText(BODY));
    await visible(drawer.getByRole('button', { name: '解除关联' }));
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    // An administrator account is offered no person link (三员分立).
    await page.getByRole('button', { name: `管理 ${usernames.audit}` }).click();
    await visible(drawer.getByTestId('person-link-refused'));
    expect(await drawer.getByRole('button', { name: '关联', exact: true }).count()).toBe(0);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    clean('security');
  });

  step('system administrator: changes a session setting and checks the holiday calendar', async () => {
    const page = await pageOf('system');
    const menu = page.getByRole('menu', { name: '主导航' });
    expect(await menu.getByRole('menuitem', { name: '账号与角色' }).count()).toBe(0);
    await menu.getByRole('menuitem', { name: '系统设置' }).click();
    await page.waitForURL('**/admin/settings');
    const idle = page.getByLabel('空闲超时（分钟）');
    await visible(idle);
    await idle.fill('45');
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('设置已保存。'));
    await menu.getByRole('menuitem', { name: '工作日日历' }).click();
    await page.waitForURL('**/calendar');
    await visible(page.getByRole('heading', { level: 1 }));
    await menu.getByRole('menuitem', { name: '议事协调机构' }).click();
    await page.waitForURL('**/bodies');
    await visible(page.getByRole('link', { name: BODY }).first());
    clean('system');
  });

  step('office staff: finds the body in the registry and adds a liaison where the post is vacant', async () => {
    const page = await pageOf('office');
    const menu = page.getByRole('menu', { name: '主导航' });
    await menu.getByRole('menuitem', { name: '议事协调机构' }).click();
    await page.waitForURL('**/bodies');
    await page.getByRole('link', { name: BODY }).first().click();
    await page.waitForURL(/\/bodies\/[^/?]+/);
    bodyId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await visible(page.getByRole('heading', { name: BODY, level: 1 }));
    await page.getByRole('tab', { name: /成员/ }).first().click();
    const add = page.getByRole('button', { name: /添加联络员$/ }).first();
    await visible(add);
    liaisonUnit = ((await add.getAttribute('aria-label')) ?? '').replace(/ 添加联络员$/u, '');
    expect(liaisonUnit).not.toBe('');
    await add.click();
    const dialog = page.getByRole('dialog', { name: /添加任职/ });
    await visible(dialog.getByText('此项变动由办公室直接登记'));
    await dialog.getByLabel('姓名').fill(LIAISON);
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    const row = page.locator('tr', { hasText: liaisonUnit }).filter({ hasText: LIAISON });
    await visible(row);
    // The post's history lists the new holder, in office.
    await row.getByRole('button', { name: `${liaisonUnit} 历史` }).click();
    const history = page.getByRole('dialog', { name: `任职历史：${liaisonUnit}` });
    await visible(history.getByRole('cell', { name: LIAISON }));
    await visible(history.getByText('在任'));
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
    clean('office');
  });

  step('security administrator: creates the liaison account linked to the new liaison', async () => {
    const page = await pageOf('security');
    await createLinkedAccount(page, 'liaison', LIAISON);
    clean('security');
  });

  step('office staff: schedules a meeting with two agenda items, a presider and the notice', async () => {
    const page = await pageOf('office');
    await page.getByRole('tab', { name: '会议' }).click();
    await page.getByRole('button', { name: '安排会议' }).click();
    const dialog = page.getByRole('dialog', { name: '安排会议' });
    await dialog.getByLabel('会议名称').fill(MEETING_TITLE);
    const time = pickerTime(10);
    startsAt = Date.parse(time.replace(' ', 'T'));
    await dialog.getByLabel('开始时间').click();
    await dialog.getByLabel('开始时间').fill(time);
    await dialog.getByLabel('开始时间').press('Enter');
    await dialog.getByLabel('地点').fill('市政务服务中心第一会议室');
    expect(await unlabelledFields(page)).toEqual([]);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/meetings\/[^/?]+$/);
    meetingPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name: MEETING_TITLE, level: 1 }));
    await visible(page.getByTestId('meeting-status').filter({ hasText: '草稿' }));

    const agenda = page.getByRole('tabpanel', { name: '议题' });
    for (const title of [AGENDA_CONVENER, AGENDA_DEPUTY]) {
      await agenda.getByLabel('议题', { exact: true }).fill(title);
      await page.getByRole('button', { name: '提出议题' }).click();
      await visible(page.getByTestId('agenda-item').filter({ hasText: title }).filter({ hasText: '待审定' }));
    }
    await page.getByRole('combobox', { name: '确定主持人' }).click();
    await chooseOption(page, '组长');
    await visible(page.getByText(`组长 ${CONVENER}`));
    await page.getByRole('button', { name: '发出会议通知' }).click();
    await visible(page.getByTestId('meeting-status').filter({ hasText: '已通知' }));
    // The invitation for the invitees' calendars (RFC 5545, METHOD:REQUEST while the meeting stands).
    const invitation = await download(page, () => page.getByRole('link', { name: /加入日历/ }).click());
    expect(await readDownload(invitation)).toContain('METHOD:REQUEST');
    await page.getByRole('tab', { name: '参会人员' }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await unlabelledFields(page)).toEqual([]);
    clean('office');
  });

  step('convener: approves an agenda item from the to-do centre', async () => {
    const page = await pageOf('convener');
    // The workspace shows the body and what waits for the convener's approval.
    await visible(page.getByRole('link', { name: BODY }).first());
    const waiting = page.getByTestId('waiting-item').filter({ hasText: `待审定议题：${MEETING_TITLE}` });
    await visible(waiting);
    await waiting.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    await visible(page.getByTestId('agenda-item').filter({ hasText: AGENDA_CONVENER }));
    await page.getByRole('menu', { name: '主导航' }).getByText('待办事项').click();
    const group = page.getByTestId('todo-group-agenda_approval');
    await group.getByRole('link', { name: new RegExp(AGENDA_CONVENER) }).click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    const item = page.getByTestId('agenda-item').filter({ hasText: AGENDA_CONVENER });
    await item.getByRole('button', { name: /同\s*意/ }).first().click();
    await visible(item.filter({ hasText: '已同意' }));
    clean('convener');
  });

  step('deputy: sees the meeting in the month calendar and approves the other agenda item from the to-do centre', async () => {
    const page = await pageOf('deputy');
    const menu = page.getByRole('menu', { name: '主导航' });
    await menu.getByText('会议月历').click();
    await page.waitForURL('**/meetings-calendar*');
    // The calendar opens on this month; a meeting that falls in the next month (a run in the last
    // minutes of a month) is shown by the month in the address.
    const shanghaiMonth = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(at);
    const month = shanghaiMonth(startsAt);
    if (month !== shanghaiMonth(Date.now())) await goTo(page, `/meetings-calendar?month=${month}`);
    const meetingId = meetingPath.split('/').pop() ?? '';
    await page.getByTestId(`month-meeting-${meetingId}`).click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    await menu.getByText('待办事项').click();
    const group = page.getByTestId('todo-group-agenda_approval');
    await visible(group.getByRole('link', { name: new RegExp(AGENDA_DEPUTY) }));
    // The convener's item is decided: it no longer waits for anyone.
    expect(await group.getByRole('link', { name: new RegExp(AGENDA_CONVENER) }).count()).toBe(0);
    await group.getByRole('link', { name: new RegExp(AGENDA_DEPUTY) }).click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    const item = page.getByTestId('agenda-item').filter({ hasText: AGENDA_DEPUTY });
    await item.getByRole('button', { name: /同\s*意/ }).first().click();
    await visible(item.filter({ hasText: '已同意' }));
    clean('deputy');
  });

  step('office staff: marks the meeting held, records everyone present and drafts the minutes with a decided item', async () => {
    // The meeting has begun on the server's clock.
    started().clock.advance(Math.max(0, startsAt + 60_000 - started().clock.now().getTime()));
    const page = await pageOf('office');
    await page.reload();
    await page.getByRole('button', { name: '标记为已召开' }).click();
    await visible(page.getByTestId('meeting-status').filter({ hasText: '已召开' }));

    await page.getByRole('tab', { name: '出席情况' }).click();
    await page.getByRole('button', { name: '全部出席' }).click();
    await visible(page.getByText(/已将 \d+ 个单位设为出席/));
    // Then only the exception needs a choice: one unit absent with leave, with its reason.
    await page.getByRole('combobox', { name: /出席情况$/ }).nth(1).click();
    await chooseOption(page, '请假');
    await page.getByRole('textbox', { name: /请假事由$/ }).fill('出差');
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '保存出席情况' }).click();
    await visible(page.getByText('出席情况已保存。'));

    await page.getByRole('tab', { name: '会议纪要' }).click();
    await page.getByLabel('主要内容').fill('会议审议了年度政务服务工作要点，通报了行政审批事项进驻情况。');
    await page.getByRole('button', { name: '添加议定事项' }).click();
    await page.getByLabel('事项内容').fill(DECISION);
    await page.getByLabel('主办单位').click();
    await chooseOption(page, liaisonUnit);
    await page.getByRole('radio', { name: '工作日数' }).check();
    await visible(page.getByLabel('工作日', { exact: true }));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '起草纪要' }).click();
    await visible(page.getByTestId('minutes-status').filter({ hasText: '草稿' }));
    // The charter gives the sign-off to the 组长 or 副组长: the office is not offered it.
    await visible(page.getByTestId('minutes-actions').getByText('下载纪要（Word）'));
    expect(await page.getByRole('button', { name: '审定签发' }).count()).toBe(0);
    clean('office');
  });

  step('convener: signs the minutes off from the to-do centre', async () => {
    const page = await pageOf('convener');
    await page.getByRole('menu', { name: '主导航' }).getByText('待办事项').click();
    await page.waitForURL('**/todo');
    const group = page.getByTestId('todo-group-minutes_sign_off');
    await group.getByRole('link', { name: /纪要/ }).first().click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    await page.getByRole('tab', { name: '会议纪要' }).click();
    await page.getByRole('button', { name: '审定签发' }).click();
    await confirmPopup(page);
    await visible(page.getByTestId('minutes-status').filter({ hasText: '已审定' }));
    clean('convener');
  });

  step('office staff: issues the signed-off minutes', async () => {
    const page = await pageOf('office');
    await page.reload();
    await page.getByRole('button', { name: '印发纪要' }).click();
    await confirmPopup(page);
    await visible(page.getByTestId('minutes-status').filter({ hasText: '已印发' }));
    await visible(page.getByText(/年第\d+期/));
    await visible(page.getByText('已交办议定事项 1 项'));
    clean('office');
  });

  step('member: reads the workspace and the minutes and downloads them', async () => {
    const page = await pageOf('member');
    await page.getByRole('link', { name: BODY }).first().click();
    await visible(page.getByRole('heading', { name: BODY, level: 1 }));
    await page.getByRole('tab', { name: '会议' }).click();
    await page.getByRole('link', { name: MEETING_TITLE }).click();
    await page.waitForURL((url) => url.pathname === meetingPath);
    await page.getByRole('tab', { name: '会议纪要' }).click();
    await visible(page.getByTestId('minutes-status').filter({ hasText: '已印发' }));
    await visible(page.getByText(DECISION.replace(/。$/, '')).first());
    const file = await download(page, () => page.getByTestId('minutes-actions').getByText('下载纪要（Word）').click());
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    clean('member');
  });

  step('liaison: reports progress and completion on the decided item from the workspace', async () => {
    const page = await pageOf('liaison');
    const item = page.getByTestId('unit-decision').filter({ hasText: DECISION.replace(/。$/, '') });
    await visible(item.getByText(/剩 \d+ 个工作日|今日到期/));
    await item.locator('a').first().click();
    const drawer = page.locator('.lx-decision-drawer');
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '交办' }));
    await drawer.getByRole('textbox', { name: '进展情况' }).fill('已部署各单位梳理行政审批事项。');
    expect(await unlabelledFields(page)).toEqual([]);
    await drawer.getByRole('button', { name: '报告进展' }).click();
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '已部署各单位梳理行政审批事项。' }));
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '办理中' }));
    await drawer.getByRole('textbox', { name: '进展情况' }).fill('清单已全部报送。');
    await drawer.getByRole('button', { name: '报告办结' }).click();
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '已报办结' }));
    clean('liaison');
  });

  step('office staff: closes the item, exports the ledger and the list of closed items', async () => {
    const page = await pageOf('office');
    await goTo(page, `/bodies/${bodyId}?tab=decisions`);
    await page.getByTestId('decision-link').filter({ hasText: DECISION.replace(/。$/, '') }).click();
    const drawer = page.locator('.lx-decision-drawer');
    await visible(drawer.getByTestId('timeline-entry').filter({ hasText: '报告办结' }));
    await drawer.getByRole('button', { name: /销\s*号/ }).click();
    await confirmPopup(page);
    await visible(drawer.getByTestId('decision-status').filter({ hasText: '已销号' }));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('看板', { exact: true }).click();
    await visible(page.getByTestId('board-closed').getByText(DECISION.replace(/。$/, '')));
    await page.getByText('统计图', { exact: true }).click();
    await visible(page.getByTestId('chart-completion').locator('canvas'));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByText('列表', { exact: true }).click();

    const ledger = await download(page, () => page.getByRole('link', { name: /下载督办台账/ }).click());
    expect(ledger.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByRole('combobox', { name: '办理状态' }).click();
    await chooseOption(page, '已销号');
    await page.waitForURL(/status=closed/);
    await visible(page.getByTestId('decision-link').filter({ hasText: DECISION.replace(/。$/, '') }));
    const list = await download(page, () => page.getByTestId('decisions-export').click());
    expect(list.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(list.url()).toContain('status=closed');
    clean('office');
  });

  step("audit administrator: finds the sign-off in the trail by the convener's name and exports it", async () => {
    const page = await pageOf('audit');
    await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '审计记录' }).click();
    await page.waitForURL('**/admin/audit');
    await visible(page.getByTestId('audit-chain-status').filter({ hasText: '审计链完整' }));
    await page.getByRole('textbox', { name: '操作人（姓名或账号）' }).fill(CONVENER);
    const action = page.getByRole('combobox', { name: '操作（可输入名称搜索）' });
    await action.click();
    await action.fill('审定签发');
    await chooseOption(page, '审定签发会议纪要');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/action=minutes\.sign_off/);
    await visible(page.getByRole('cell', { name: '审定签发会议纪要' }).first());
    await visible(page.getByRole('cell', { name: new RegExp(`${CONVENER}.*（账号 convener\\.day）`) }).first());
    const csv = await download(page, () => page.getByRole('link', { name: /导出 CSV/ }).click());
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.url()).toContain(`actor=${encodeURIComponent(CONVENER)}`);
    const rows = await readDownload(csv);
    expect(rows).toContain('审定签发会议纪要');
    expect(rows).toContain(CONVENER);
    const xlsx = await download(page, () => page.getByRole('link', { name: /导出 Excel/ }).click());
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    clean('audit');
  });

  /** Waits until the screen has drawn: no spinner and no loading skeleton left. */
  async function settled(page: Page): Promise<void> {
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 15_000 }).toBe(0);
  }

  step('every role: opens every screen its menu offers, and every tab of the body, with no refusal and no console error', async () => {
    const roles: Role[] = ['security', 'system', 'audit', 'office', 'convener', 'deputy', 'member', 'liaison'];
    for (const role of roles) {
      const page = await pageOf(role);
      // From the start screen (the day may have left a drawer open).
      await page.goto('/');
      const items = page.getByRole('menu', { name: '主导航' }).getByRole('menuitem');
      await visible(items);
      const count = await items.count();
      expect(count, `${role}: the menu offers screens`).toBeGreaterThan(1);
      for (let index = 0; index < count; index += 1) {
        await items.nth(index).click();
        await settled(page);
      }
      if (!['security', 'system', 'audit'].includes(role)) {
        await goTo(page, `/bodies/${bodyId}`);
        const tabs = page.getByRole('tab');
        await visible(tabs);
        const tabCount = await tabs.count();
        for (let index = 0; index < tabCount; index += 1) {
          await tabs.nth(index).click();
          await settled(page);
        }
      }
      expect(pages.get(role)?.problems(), `${role}'s screens`).toEqual([]);
    }
  });
});
