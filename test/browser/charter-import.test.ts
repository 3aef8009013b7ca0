/**
 * The import page in a real browser: the office pastes an adjustment notice, sees which body it
 * changes, previews the diff beside the current charter and confirms — charter version 2 of the
 * example body of seed 002. And for a founding document: the readable preview marks what was read
 * in the original text, one click on a marked member unit drops it (a correction), and a founding
 * document of an existing body is offered as a re-import. Screenshots under test-results/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, chromiumAvailable, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, TrackedPage } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();

describe.skipIf(!available)('charter import page in Chromium', { timeout: 120_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  async function importPage(name: string): Promise<TrackedPage> {
    const tracked = await signedIn(name, harness.staff.username, harness.staff.password);
    await tracked.page.goto('/import');
    await visible(tracked.page.getByRole('heading', { name: '导入制度' }));
    return tracked;
  }

  it('the office imports an adjustment notice, sees the diff beside the current charter and confirms', async () => {
    const text = await readFile(new URL('../fixtures/change-notices/adjustment-002.txt', import.meta.url), 'utf8');
    const tracked = await importPage('change-notice');
    const { page } = tracked;
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByLabel('成立文件全文').fill(text);
    await page.getByRole('button', { name: '预览提取结果' }).click();
    await visible(page.getByText('文件类型：调整通知'));
    await visible(page.getByRole('heading', { name: '国务院推进贸易高质量发展部际联席会议' }));
    await visible(page.getByText('增加成员单位：国家数据局'));
    await visible(page.getByText('成员单位更名：银保监会 → 金融监管总局'));
    await page.getByRole('button', { name: '预览对该机构的变更' }).click();

    await visible(page.getByRole('heading', { name: '变更对照' }));
    await visible(page.getByRole('heading', { name: '现行制度（第 1 版）' }));
    await visible(page.getByText('任职与成员单位变动生效日期：2023-05-12'));
    const changes = page.locator('.lx-diff-added');
    await expect.poll(async () => (await changes.allTextContents()).join('|')).toContain('国家数据局');
    expect((await changes.allTextContents()).join('|')).toContain('金融监管总局');
    expect((await page.locator('.lx-diff-removed').allTextContents()).join('|')).toContain('银保监会');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'change-notice-diff.png'), fullPage: true });

    await page.getByRole('button', { name: '确认应用通知' }).click();
    await visible(page.getByText(/将生成制度第 2 版/));
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await visible(page.getByText('已按通知变更“国务院推进贸易高质量发展部际联席会议”：制度第 2 版。'));
    await page.screenshot({ path: path.join(RESULTS_DIR, 'change-notice-applied.png'), fullPage: true });
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('change-notice');
  });

  it('marks what was read in the original text, drops a unit in one click, and offers an existing body a re-import', async () => {
    const seed = await readFile(new URL('../fixtures/seeds/003_fd28bf86bbeac444.txt', import.meta.url), 'utf8');
    const tracked = await importPage('readable-preview');
    const { page } = tracked;
    await page.getByLabel('成立文件全文').fill(`${seed}\n`);
    await page.getByRole('button', { name: '预览提取结果' }).click();
    await visible(page.getByRole('heading', { name: '原文对照' }));
    const units = page.locator('[data-testid="readable-text"] mark[data-kind="unit"]');
    await expect.poll(() => units.count()).toBeGreaterThan(2);
    expect(await page.locator('[data-testid="readable-text"] mark[data-kind="person"]').count()).toBeGreaterThan(0);
    const first = units.first();
    const name = (await first.getAttribute('title'))?.replace(/^点击移出成员单位：/u, '') ?? '';
    expect(name).not.toBe('');
    const before = await page.getByText(/^成员单位 \d+ 个$/).first().textContent();
    await first.click();
    await visible(page.locator('.ant-tag-red', { hasText: name }));
    await expect.poll(async () => page.getByText(/^成员单位 \d+ 个$/).first().textContent()).not.toBe(before);
    await visible(page.getByText(/已有同名机构“桂林市政务服务工作联席会议”/));
    await visible(page.getByRole('button', { name: '作为“桂林市政务服务工作联席会议”的重新导入' }));
    await page.screenshot({ path: path.join(RESULTS_DIR, 'import-readable-preview.png'), fullPage: true });
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('readable-preview');
  });
});
