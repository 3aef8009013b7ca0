/**
 * A bulletin (简报) in the real client, page by page: the DOCX is converted by LibreOffice; every
 * page is A4; page 1 carries the red 版头 (series name, 期数), the 编发单位 and date and the first
 * article; every article's title and every character of its text is found on some page, in order
 * (none lost, none doubled); the 报/送 lines are on the last page and only there; only page 1 has
 * red at its top (rendered to PPM and its pixels read). The pages are saved under test-results/ as
 * PNG for a person to look at. Never skipped in CI; locally it skips when the tools are missing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice } from '../../src/adapters/pdf-conversion.ts';
import { renderBulletinDocx } from '../../src/documents/bulletin-docx.ts';
import type { BulletinDocumentView } from '../../src/documents/bulletin-docx.ts';
import { hasTool, pdfPages, RESULTS, run, squeeze } from '../documents/pdf-tools.ts';


const soffice = await findSoffice();
const available = soffice !== null && (await hasTool('pdfinfo')) && (await hasTool('pdftotext')) && (await hasTool('pdftoppm'));
if (!available && process.env.CI !== 'true') console.warn('\n*** SKIPPED: bulletin real-client test — LibreOffice (soffice) or poppler-utils missing ***\n');

/** Characters beyond the common ones: rare 汉字, full-width punctuation, quotes, digits and Latin. */
const ARTICLES: BulletinDocumentView['articles'] = [
  {
    title: '精简行政审批组：“一件事”改革取得新进展',
    text: '今年以来，精简行政审批组牵头推进“一件事一次办”改革，已上线事项128项，平均办理时限压减62.5%。\n下一步，将围绕企业开办、工程建设等重点领域，继续深化“放管服”改革（含“证照分离”），做到“最多跑一次”。',
    reporterName: '精简行政审批组',
  },
  {
    title: '优化营商环境组：建立涉企问题“直通车”',
    text: `建立涉企问题受理、交办、督办、反馈闭环机制，累计受理问题56件，办结53件，办结率94.6%。其中，涉及市场监管、税务、人社等部门的问题占比最高。${'围绕企业反映集中的堵点难点，逐项明确牵头单位和办理时限，按周调度、按月通报。'.repeat(6)}`,
    reporterName: '优化营商环境组',
  },
  {
    title: '监管执法组：双随机抽查',
    // Latin digits on many lines: a 、 or ， that ends such a line was lost while w:overflowPunct was off.
    text: `${'全年抽查17.3%的市场主体，检查1,024家，整改率98.6%、回访率100%，'.repeat(5)}做到应查尽查。${'其中食品、药品、特种设备分别抽查312家、205家、96家，发现问题41个，已整改39个，'.repeat(4)}其余2个限期整改。`,
    reporterName: '监管执法组',
  },
  {
    title: '办公室按语',
    text: `${'各专题组要对照年度工作要点，每月至少报送一篇工作信息，总结推广好经验好做法。'.repeat(10)}\n请各成员单位结合实际抓好落实，有关情况及时报协调小组办公室。`,
    reporterName: null,
  },
];

const VIEW: BulletinDocumentView = {
  series: '某市推进政府职能转变和“放管服”改革协调小组工作专报',
  year: 2026,
  issueNumber: 3,
  docNumber: '某放管服〔2026〕3号',
  compiledBy: '某市推进政府职能转变和“放管服”改革协调小组办公室',
  date: '2026-12-03',
  articles: ARTICLES,
  reportTo: ['市长', '副市长', '政府办主任、副主任'],
  copyTo: ['协调小组各成员单位', '各区镇'],
};

/** Reads a binary PPM (P6): width, height and RGB bytes. */
function readPpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** Red pixels (the 版头's colour) in the top fifth of a page. */
function redPixelsAtTop(ppm: { width: number; height: number; rgb: Buffer }): number {
  let red = 0;
  for (let y = 0; y < Math.floor(ppm.height / 5); y++) {
    for (let x = 0; x < ppm.width; x++) {
      const i = (y * ppm.width + x) * 3;
      const [r, g, b] = [ppm.rgb[i] ?? 0, ppm.rgb[i + 1] ?? 0, ppm.rgb[i + 2] ?? 0];
      if (r > 200 && g < 90 && b < 90) red++;
    }
  }
  return red;
}

describe.skipIf(!available && process.env.CI !== 'true')('a bulletin in a real client (LibreOffice, poppler)', () => {
  it('renders every page: the 版头 on page 1, every article whole and in order, 报/送 on the last page', { timeout: 120_000 }, async () => {
    if (!available) throw new Error('CI=true: LibreOffice (soffice) and poppler-utils must be installed (see .ci/run)');
    await mkdir(RESULTS, { recursive: true });
    const docx = await renderBulletinDocx(VIEW);
    const pdf = await convertDocxToPdf(docx, { soffice });
    const file = path.join(RESULTS, 'bulletin.pdf');
    await writeFile(path.join(RESULTS, 'bulletin.docx'), docx);
    await writeFile(file, pdf);

    const { pages, sizes } = await pdfPages(file);
    expect(pages, 'the long articles take more than one page').toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/u);

    const pageTexts: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
      pageTexts.push(squeeze(stdout));
      const base = path.join(RESULTS, `bulletin-page-${page}`);
      await run('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
      const ppm = readPpm(await readFile(`${base}.ppm`));
      // Only the first page has the red 版头 at its top
      if (page === 1) expect(redPixelsAtTop(ppm), 'red 版头 on page 1').toBeGreaterThan(200);
      else expect(redPixelsAtTop(ppm), `no red at the top of page ${page}`).toBe(0);
      await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
    }
    const [first = '', ...rest] = pageTexts;
    const last = pageTexts[pageTexts.length - 1] ?? '';
    expect(first.startsWith(squeeze(VIEW.series))).toBe(true);
    expect(first).toContain('2026年第3期');
    expect(first).toContain(VIEW.docNumber);
    expect(first).toContain(squeeze(VIEW.compiledBy));
    expect(first).toContain('2026年12月3日');
    expect(first).toContain(squeeze(ARTICLES[0]?.title ?? ''));
    for (const text of rest) expect(text).not.toContain(squeeze(VIEW.series));

    // Every article: title, then its text, every character, in order across the pages
    const all = pageTexts.join('').replace(/—\d+—/gu, '');
    let at = 0;
    for (const article of ARTICLES) {
      const title = all.indexOf(squeeze(article.title), at);
      expect(title, article.title).toBeGreaterThanOrEqual(at);
      const body = all.indexOf(squeeze(article.text), title);
      expect(body, `text of ${article.title}`).toBeGreaterThan(title);
      at = body + squeeze(article.text).length;
      expect(all.split(squeeze(article.text)).length - 1, `text of ${article.title} once`).toBe(1);
      if (article.reporterName !== null) expect(all.slice(at, at + 40)).toContain(`（${article.reporterName}供稿）`);
    }
    // 报/送 at the foot of the last page only
    expect(last).toContain(`报：${VIEW.reportTo.join('，')}。`);
    expect(last).toContain(`送：${VIEW.copyTo.join('，')}。`);
    for (const text of pageTexts.slice(0, -1)) expect(text).not.toContain('报：市长');
    expect(last.indexOf('报：')).toBeGreaterThan(last.indexOf(squeeze(ARTICLES[2]?.text.slice(-20) ?? '')));
  });
});
