/**
 * A compiled annual report (年度工作报告) in the real client: the DOCX is converted by LibreOffice and
 * read back with pdftotext; every page is A4 and every character of the title, the addressee, the
 * office's summary, each reporter's name and text (short and long, rare characters, full-width
 * punctuation, digits and Latin), the note on missing reporters and the signature is found, in order
 * (none lost, none doubled). The PDF is saved under test-results/ for a person to look at. Never skipped
 * in CI; locally it skips when the tools are missing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice } from '../../src/adapters/pdf-conversion.ts';
import { renderAnnualReportDocx } from '../../src/documents/annual-report-docx.ts';
import type { AnnualReportView } from '../../src/documents/annual-report-docx.ts';
import { hasTool, pdfPages, RESULTS, run, squeeze } from '../documents/pdf-tools.ts';


const soffice = await findSoffice();
const available = soffice !== null && (await hasTool('pdfinfo')) && (await hasTool('pdftotext'));
if (!available && process.env.CI !== 'true') console.warn('\n*** SKIPPED: annual report real-client test — LibreOffice (soffice) or poppler-utils missing ***\n');

const VIEW: AnnualReportView = {
  title: '某市推进政府职能转变和“放管服”改革协调小组关于2026年度工作情况的报告',
  addressees: ['市人民政府'],
  summary: `一年来，协调小组统筹推进“放管服”改革，取消和下放审批事项128项，平均办理时限压减62.5%。\n${'围绕企业开办、工程建设项目审批等重点领域，逐项明确牵头单位和办理时限，按周调度、按月通报，做到“最多跑一次”（含“证照分离”改革）。'.repeat(8)}\n明年将继续深化。`,
  parts: [
    { reporterName: '市政务服务管理办公室', text: '全年受理事项4.2万件，办结率99.8%。' },
    {
      reporterName: '市市场监督管理局',
      text: `${'推行企业开办“一网通办”，新设市场主体同比增长17.3%；开展“双随机、一公开”监管，抽查企业1,024户。'.repeat(12)}\n存在问题：部分事项跨部门协同不够，堵点、难点仍需逐一疏通。`,
    },
    { reporterName: '精简行政审批组', text: '完成。' },
  ],
  missing: ['市住房和城乡建设局', '优化营商环境组'],
  signature: { issuerName: '某市推进政府职能转变和“放管服”改革协调小组', date: '2026-12-03', sealed: true },
};

describe.skipIf(!available && process.env.CI !== 'true')('an annual report in a real client (LibreOffice, poppler)', () => {
  it('renders every character of a compiled report with long and short texts, in order', { timeout: 120_000 }, async () => {
    if (!available) throw new Error('CI=true: LibreOffice (soffice) and poppler-utils must be installed (see .ci/run)');
    await mkdir(RESULTS, { recursive: true });
    const docx = await renderAnnualReportDocx(VIEW);
    const pdf = await convertDocxToPdf(docx, { soffice });
    const file = path.join(RESULTS, 'annual-report.pdf');
    await writeFile(path.join(RESULTS, 'annual-report.docx'), docx);
    await writeFile(file, pdf);

    const { pages, sizes } = await pdfPages(file);
    expect(pages, 'the long texts take more than one page').toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/u);

    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    // Page numbers (— 1 —) between pages are not part of the text
    const all = squeeze(stdout).replace(/[—-]\d+[—-]/gu, '');
    const expected = [
      VIEW.title,
      `${VIEW.addressees.join('、')}：`,
      ...VIEW.summary.split('\n'),
      '附：各单位年度工作报告',
      ...VIEW.parts.flatMap((p, i) => [`${['一', '二', '三'][i] ?? ''}、${p.reporterName}`, ...p.text.split('\n')]),
      `截至汇总之日，${VIEW.missing.join('、')}尚未报送年度工作报告。`,
      VIEW.signature.issuerName,
      '2026年12月3日',
    ];
    let at = 0;
    for (const piece of expected.map(squeeze)) {
      const found = all.indexOf(piece, at);
      expect(found, `lost or out of order: ${piece.slice(0, 40)}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    // Every character inside the text block (A4 less the 26 mm right margin: 521.6 pt), none hanging out
    const { stdout: boxes } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
    const rightEdges = [...boxes.matchAll(/xMax="([\d.]+)"/gu)].map((m) => Number(m[1]));
    expect(rightEdges.length).toBeGreaterThan(50);
    expect(Math.max(...rightEdges)).toBeLessThan(522.5);
    for (const part of VIEW.parts.filter((p) => p.text.length > 20)) expect(all.split(squeeze(part.text.split('\n')[0] ?? '')).length - 1, `${part.reporterName} once`).toBe(1);
  });
});
