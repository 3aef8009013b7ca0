/**
 * Incoming documents (收文 / 批办 / 转办) in a real browser: the office staff opens 收文办理 from its
 * workspace dashboard, registers an incoming document with an attachment and forwards it (转办) to
 * a liaison's unit with a deadline in working days; the liaison sees it in its unit's cross-body
 * view on the workspace and replies with the handling result; the office closes it. No API call by
 * the test besides the harness's account setup; no console errors; screenshots under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, createMemberAccount, startHarness } from './harness.ts';
import type { Harness, MemberAccount } from './harness.ts';
import { chooseOption, pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const TITLE = '浏览器测试：关于请求协调企业开办事项的函';
const REPLY = '已会同有关部门研究办理，拟于下月上线。';

describe.skipIf(!available)('incoming documents in Chromium', { timeout: 150_000 }, () => {
  let harness: Harness;
  let liaison: MemberAccount;

  beforeAll(async () => {
    harness = await startHarness();
    liaison = await createMemberAccount(harness, { roleKind: 'liaison', username: 'incoming.liaison' });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('the office registers and forwards an incoming document; the lead unit’s liaison sees it and replies; the office closes it', async () => {
    const unitName = liaison.unitName;
    if (unitName === null) throw new Error('the liaison has no unit');

    // The office: from the dashboard card of the body to its 收文办理
    const office = await signedIn('incoming-office-register', harness.staff.username, harness.staff.password);
    let page = office.page;
    const card = page.locator('.lx-dashboard-card').filter({ hasText: liaison.bodyName }).first();
    await visible(card);
    await card.getByTestId('incoming-dashboard-link').click();
    await visible(page.getByRole('heading', { name: '收文办理', level: 1 }));

    // Register: sending unit, its number, title, an attachment
    await page.getByRole('button', { name: '登记收文' }).click();
    const register = page.locator('.ant-modal:visible');
    await visible(register);
    await register.getByLabel('来文单位').fill('某区人民政府');
    await register.getByLabel('来文字号').fill('某政函〔2026〕8号');
    await register.getByLabel('标题').fill(TITLE);
    await register.locator('input[type=file]').setInputFiles({ name: '来文.txt', mimeType: 'text/plain', buffer: Buffer.from('来文正文') });
    await register.getByRole('button', { name: '登记收文' }).click();
    await register.waitFor({ state: 'hidden', timeout: 15_000 });
    const row = page.locator('tr').filter({ hasText: TITLE });
    await visible(row);
    await visible(row.getByText('已登记'));
    await visible(row.getByRole('link', { name: '来文.txt' }));

    // Forward (转办) to the liaison's unit, 10 working days
    await row.getByRole('button', { name: '批办/转办' }).click();
    const assign = page.locator('.ant-modal:visible');
    await visible(assign);
    await assign.getByLabel('转办', { exact: true }).check();
    await assign.getByLabel('主办单位', { exact: true }).click();
    await chooseOption(page, unitName);
    await assign.getByLabel('批办/转办意见', { exact: true }).fill('请抓紧研究办理。');
    await assign.getByLabel('指定工作日数', { exact: true }).check();
    await assign.getByLabel('工作日数', { exact: true }).fill('10');
    await assign.getByRole('button', { name: '批办/转办' }).click();
    await assign.waitFor({ state: 'hidden', timeout: 15_000 });
    await visible(row.getByText('办理中'));
    await visible(row.getByText(`转办 · ${unitName}`));
    await visible(row.getByText('10个工作日'));
    await visible(row.getByText('剩余 10 个工作日'));
    expect(await row.getByTestId('incoming-deadline').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(office.problems()).toEqual([]);
    await office.finish('incoming-office-register');

    // The lead unit's liaison: the document is in its unit's cross-body view; it replies
    const unit = await signedIn('incoming-liaison-reply', liaison.username, liaison.password);
    page = unit.page;
    await visible(page.getByRole('heading', { name: '本单位待办（各机构）' }));
    const owed = page.getByTestId('unit-obligation').filter({ hasText: TITLE });
    await visible(owed);
    await visible(owed.getByText('收文转办'));
    await visible(owed.getByText(liaison.bodyName));
    await visible(owed.getByText(`${unitName} · 主办`, { exact: false }));
    await owed.getByRole('button', { name: '报送办理结果' }).click();
    const reply = page.locator('.ant-modal:visible');
    await visible(reply);
    await reply.getByLabel('办理结果').fill(REPLY);
    await reply.getByRole('button', { name: '报送办理结果' }).click();
    await reply.waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('unit-obligation').filter({ hasText: TITLE }).count(), { timeout: 15_000 }).toBe(0);
    expect(unit.problems()).toEqual([]);
    await unit.finish('incoming-liaison-reply');

    // The office closes it
    const closing = await signedIn('incoming-office-close', harness.staff.username, harness.staff.password);
    page = closing.page;
    const card2 = page.locator('.lx-dashboard-card').filter({ hasText: liaison.bodyName }).first();
    await card2.getByTestId('incoming-dashboard-link').click();
    const replied = page.locator('tr').filter({ hasText: TITLE });
    await visible(replied.getByText('已办复'));
    await visible(replied.getByText(REPLY));
    await replied.getByRole('button', { name: /办\s*结/ }).click();
    await visible(replied.getByText('已办结'));
    expect(closing.problems()).toEqual([]);
    await closing.finish('incoming-office-close');
  });
});
