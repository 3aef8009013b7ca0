/**
 * Information reports (信息报送) in a real browser: the body's charter says nothing about them, so the
 * page says the feature is off; the office turns it on with a default it chooses (one a month per
 * member unit); a unit's liaison submits a report and sees its monthly tally met; the office sees the
 * unit met in the compliance view with the 12-month heat map (ECharts). No API call by the test
 * besides the harness's account setup; no console errors; screenshots under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, startHarness } from './harness.ts';
import type { Harness, MemberAccount } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const TITLE = '浏览器测试：本月开展服务贸易调研';

describe.skipIf(!available)('information reports in Chromium', { timeout: 180_000 }, () => {
  let harness: Harness;
  let liaison: MemberAccount;

  beforeAll(async () => {
    harness = await startHarness();
    liaison = await createMemberAccount(harness, { roleKind: 'liaison', username: 'reports.liaison', bodyName: '服务贸易' });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('the office enables reports where the charter is silent; a liaison submits one and sees its monthly tally; the office sees it met', async () => {
    const reportsPath = `/bodies/${liaison.bodyId}/reports`;
    const unitName = liaison.unitName;
    if (unitName === null) throw new Error('the liaison has no unit');

    // The office: the charter says nothing — off until the office chooses a default
    const office = await signedIn('reports-office-enable', harness.staff.username, harness.staff.password);
    let page = office.page;
    await page.goto(reportsPath);
    await visible(page.getByRole('heading', { name: '信息报送与年度工作', level: 1 }));
    await page.getByRole('tab', { name: '报送设置' }).click();
    await visible(page.getByText('本机构制度未规定信息报送，办公室尚未启用。启用前不能报送，也不统计。'));
    await page.getByLabel('启用信息报送（制度未规定时）').click();
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('本机构制度未规定信息报送，办公室选定的默认规则：各成员单位每月报送工作信息不少于1篇'));
    expect(office.problems()).toEqual([]);
    await office.finish('reports-office-enable');

    // The liaison: its unit's tally this month, then a report
    const unit = await signedIn('reports-liaison-submit', liaison.username, liaison.password);
    page = unit.page;
    await page.goto(reportsPath);
    await visible(page.getByRole('tab', { name: '本单位报送' }));
    const tally = page.getByTestId('report-tally-line');
    await visible(tally);
    expect(await tally.innerText()).toBe(`${unitName}：本期应报 1 篇，已报 0 篇`);
    await visible(page.getByTestId('report-tally').getByText('未完成'));
    // An empty text is refused on the form, in Chinese
    await page.getByLabel('信息标题').fill(TITLE);
    await page.getByRole('button', { name: '报送信息' }).click();
    await visible(page.getByText('信息正文不能为空'));
    await page.getByLabel('信息正文').fill('本月赴三家企业调研服务贸易便利化情况，形成问题清单一份。');
    await page.locator('#report-attachment').setInputFiles({ name: '调研清单.txt', mimeType: 'text/plain', buffer: Buffer.from('问题清单') });
    await page.getByRole('button', { name: '报送信息' }).click();
    await visible(page.getByText('信息已报送'));
    await expect.poll(() => tally.innerText(), { timeout: 15_000 }).toBe(`${unitName}：本期应报 1 篇，已报 1 篇`);
    await visible(page.getByTestId('report-tally').getByText('已完成'));
    await visible(page.locator('tr').filter({ hasText: TITLE }).getByText('已报送'));
    expect(unit.problems()).toEqual([]);
    await unit.finish('reports-liaison-submit');

    // The office: the unit is met this month; the heat map is drawn
    const review = await signedIn('reports-office-compliance', harness.staff.username, harness.staff.password);
    page = review.page;
    await page.goto(reportsPath);
    await page.getByRole('tab', { name: '完成情况' }).click();
    const row = page.getByTestId('report-compliance').locator('tr').filter({ hasText: unitName });
    await visible(row.getByText('已完成'));
    await visible(page.getByTestId('report-heatmap').locator('canvas'));
    await page.getByRole('tab', { name: '收到的信息' }).click();
    const received = page.locator('tr').filter({ hasText: TITLE });
    await received.getByRole('button', { name: /采\s*编/ }).click();
    await visible(received.getByText('已采编'));
    expect(review.problems()).toEqual([]);
    await review.finish('reports-office-compliance');
  });
});
