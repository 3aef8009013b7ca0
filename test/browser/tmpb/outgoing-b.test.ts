/**
 * Outgoing documents and bulletins in a real browser, on the 004 example body (以协调小组名义发文，
 * 经办公室主任审核后，由组长或副组长签发): the office staff compiles a bulletin issue of the charter's
 * series with an article of its own, submits it and reviews it — and may not sign it; the 组长 finds
 * it in the inbox, opens it from there and signs it; it is issued with its 发文字号 and 第1期. No API
 * call by the test besides the harness's account setup; no console errors; screenshots under
 * test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, harnessToday, startHarness } from './harness.ts';
import type { Harness, MemberAccount } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const ARTICLE = '浏览器测试：各专题组信息报送情况';

describe.skipIf(!available)('outgoing documents and bulletins in Chromium', { timeout: 300_000 }, () => {
  let harness: Harness;
  let convener: MemberAccount;

  beforeAll(async () => {
    harness = await startHarness();
    convener = await createMemberAccount(harness, { roleKind: 'convener', username: 'outgoing.convener', bodyName: '放管服' });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('the office compiles a bulletin, submits and reviews it; the 组长 signs it from the inbox', async () => {
    const year = harnessToday(harness).slice(0, 4);

    // The office compiles an issue of the charter's series
    const office = await signedIn('outgoing-office-compile', harness.staff.username, harness.staff.password);
    let page = office.page;
    await page.goto(`/bodies/${convener.bodyId}/outgoing-documents`);
    await visible(page.getByRole('heading', { name: '发文与简报' }));
    await page.getByRole('button', { name: '编辑简报' }).click();
    const modal = page.locator('.ant-modal:visible');
    await visible(modal);
    const series = modal.getByLabel('简报名称');
    await expect.poll(() => series.inputValue(), { timeout: 15_000 }).toMatch(/工作专报$/u);
    const seriesName = await series.inputValue();
    await visible(modal.getByText(/制度规定：第六条/u));
    await modal.getByLabel('文章标题').fill(ARTICLE);
    await modal.getByLabel('文章正文').fill('本月各专题组均按要求报送了工作信息。');
    await modal.getByLabel('召集人（组长）').check();
    await modal.getByRole('button', { name: '编辑简报' }).click();
    await page.waitForURL('**/outgoing-documents/*', { timeout: 15_000 });
    await visible(page.getByRole('heading', { name: seriesName, level: 3 }));
    await visible(page.getByText('拟稿'));
    await visible(page.getByText('办公室主任审核'));
    await visible(page.getByText('组长或副组长签发'));
    await visible(page.getByText(ARTICLE));

    // 送审, then 办公室主任审核; the office may not sign a paper in the body's name
    await page.getByRole('button', { name: /送\s*审/u }).click();
    await visible(page.getByText('待审核'));
    await page.getByLabel('审核意见').fill('同意，请组长签发。');
    await page.getByRole('button', { name: '审核通过' }).click();
    await visible(page.getByText('待签发'));
    await visible(page.getByText('同意，请组长签发。'));
    expect(await page.getByRole('button', { name: /签\s*发/u }).count()).toBe(0);
    expect(office.problems()).toEqual([]);
    await office.finish('outgoing-office-compile');

    // The 组长: the inbox item links to the document; the 组长 signs it
    const leader = await signedIn('outgoing-convener-sign', convener.username, convener.password);
    page = leader.page;
    const inboxLink = page.getByRole('link', { name: `待签发：${seriesName}` });
    // The outbox is delivered by the server's sweep (every minute): reload until it is there
    await expect
      .poll(
        async () => {
          if ((await inboxLink.count()) > 0) return true;
          await page.reload();
          await page.getByRole('heading', { name: '消息' }).waitFor({ timeout: 15_000 });
          return (await inboxLink.count()) > 0;
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe(true);
    await inboxLink.first().click();
    await page.waitForURL('**/outgoing-documents/*', { timeout: 15_000 });
    await visible(page.getByText('待签发'));
    await page.getByRole('button', { name: /签\s*发/u }).click();
    await page.getByRole('button', { name: /确\s*定/u }).click();
    await visible(page.getByText('已印发'));
    await visible(page.getByText(new RegExp(`〔${year}〕1号`, 'u')));
    await visible(page.getByText(`期数：${year}年第1期`));
    await visible(page.getByRole('link', { name: '下载 PDF' }));
    expect(leader.problems()).toEqual([]);
    await leader.finish('outgoing-convener-sign');
  });
});
