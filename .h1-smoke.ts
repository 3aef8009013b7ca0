// Ad-hoc smoke test of the calendar page (H1); not part of the suite. Deleted after use.
import { openPage, startHarness, unlabelledFields } from './test/browser/harness.ts';
import { ME_401, changeOneTimePassword, signIn, visible } from './test/browser/steps.ts';

const NOTICE = `国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
国务院办公厅`;

const harness = await startHarness();
try {
  harness.clock.set(new Date('2026-11-20T02:00:00Z'));
  const tracked = await openPage(harness);
  tracked.expect(ME_401);
  const { page } = tracked;
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  const admin = harness.admins.system_admin;
  await signIn(page, admin.username, admin.oneTimePassword);
  await changeOneTimePassword(page, admin.oneTimePassword, 'System-Admin-2026!');
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in') && !url.pathname.endsWith('/change-password'));
  const menu = page.getByRole('menu', { name: '主导航' });
  await menu.getByRole('menuitem', { name: '工作日日历' }).click();
  await page.waitForURL('**/calendar');
  await visible(page.getByTestId('calendar-coverage-warning'));
  console.log('coverage:', await page.getByTestId('calendar-coverage-warning').innerText());
  await page.goto('/calendar?year=2026&region=450300');
  await visible(page.locator('[data-date="2026-04-20"]'));
  console.log('04-20:', await page.locator('[data-date="2026-04-20"]').getAttribute('data-kind'), await page.locator('[data-date="2026-04-20"]').getAttribute('data-provisional'));
  await page.getByLabel('通知全文').fill(NOTICE);
  await page.getByRole('button', { name: '读取并核对' }).click();
  await visible(page.getByTestId('calendar-notice-review'));
  console.log('review:', (await page.getByTestId('calendar-notice-review').innerText()).slice(0, 300));
  await page.screenshot({ path: '/tmp/h1/calendar-review.png', fullPage: true });
  await page.getByRole('button', { name: '载 入' }).or(page.getByRole('button', { name: '载入' })).first().click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已载入').first().waitFor();
  await page.goto('/calendar?year=2027&region=national');
  await visible(page.locator('[data-date="2027-01-01"]'));
  console.log('2027-01-01:', await page.locator('[data-date="2027-01-01"]').getAttribute('data-kind'), await page.locator('[data-date="2027-01-01"]').getAttribute('data-provisional'));
  console.log('unlabelled:', await unlabelledFields(page));
  await page.screenshot({ path: '/tmp/h1/calendar-2027.png', fullPage: true });
  console.log('problems:', tracked.problems());
  await page.context().close();
} finally {
  await harness.close();
}
