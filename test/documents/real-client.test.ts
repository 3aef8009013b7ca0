/**
 * The real client: LibreOffice (Debian's libreoffice-writer-nogui with the fonts of .ci/run and
 * config/fontconfig/fonts.conf) converts each document kind — minutes, notice, circular — with a short
 * and a long text, in the layout the server's PDF uses ('print'), and poppler reads the PDF back as a
 * 文秘 would check it:
 * - no character of the DOCX text is missing from the PDF (pdftotext);
 * - no printed line reaches beyond the 156 mm text block (pdftotext -bbox);
 * - the parts GB/T 9704 names are set in the SC serif (小标宋: its Black weight; 仿宋: its Light
 *   weight), 黑体 (WenQuanYi Zen Hei) and 楷体 (AR PL UKai) — never Noto Sans CJK or DejaVu (pdffonts);
 * - the imprint (版记) ends on the last line of the last page (7.4.1);
 * - A4 pages, each numbered — N —.
 * Every page is saved as PNG under test-results/documents/ for a person to look at.
 * Never skipped in CI (CI=true): a missing LibreOffice or poppler fails there. Locally it skips,
 * saying so, when they are not installed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice } from '../../src/adapters/pdf-conversion.ts';
import { renderCircularDocx } from '../../src/documents/circular-docx.ts';
import type { CircularView, MeetingNoticeView, MinutesDocumentView } from '../../src/documents/document-views.ts';
import { renderMeetingNoticeDocx } from '../../src/documents/meeting-notice-docx.ts';
import { formatAttendanceEntry, minutesHeading, renderMinutesDocx } from '../../src/documents/minutes-docx.ts';
import { readDocx } from './docx-reader.ts';
import { PT_PER_MM, pdfFonts, pdfLines, TEXT_BLOCK_PT } from './pdf-layout.ts';
import type { PdfLine } from './pdf-layout.ts';
import { hasTool, pdfPages, RESULTS, run, squeeze } from './pdf-tools.ts';
import { renderLedgerXlsx } from '../../src/documents/ledger-xlsx.ts';
import { FONTCONFIG_FILE } from '../../src/adapters/pdf-conversion.ts';
import { circularView, ledgerView, minutesView, noticeView, UNITS } from './view-fixtures.ts';


const soffice = await findSoffice();
const poppler = (await hasTool('pdfinfo')) && (await hasTool('pdftotext')) && (await hasTool('pdftoppm')) && (await hasTool('pdffonts'));
const available = soffice !== null && poppler;
if (!available && process.env.CI !== 'true') {
  console.warn(
    '\n*** SKIPPED: documents real-client test — LibreOffice (soffice) or poppler-utils missing. Install: ' +
      'apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai fonts-wqy-zenhei ***\n',
  );
}

/** Sentences of a long text: commas, 顿号, semicolons, brackets, quotes and numbers at every position of a line. */
const CLAUSES = [
  '各成员单位要按照职责分工',
  '抓紧研究提出2026年度工作安排',
  '加强政策协同、信息共享和工作会商',
  '对“放管服”改革中的堵点难点问题',
  '由省发展改革委牵头（省财政厅、省商务厅配合）',
  '于3月31日前报送书面材料',
  '确保各项任务落地见效',
  '形成一批可复制可推广的经验做法',
  '市监察局、财政部、省人力资源社会保障厅',
  '每季度召开1次联络员会议',
];
const STOPS = ['，', '；', '、', '。', '：'];

function longParagraph(seed: number, clauses: number): string {
  let text = '';
  for (let i = 0; i < clauses; i += 1) {
    text += CLAUSES[(seed + i * 3) % CLAUSES.length] ?? '';
    text += i === clauses - 1 ? '。' : (STOPS[(seed + i) % (STOPS.length - 1)] ?? '，');
  }
  return text;
}

const PEOPLE = ['欧阳建国', '司马', '王某', '李晓明', '诸葛亮亮', '张伟', '赵敏', '钱学森'];

function longMinutes(): MinutesDocumentView {
  const base = minutesView();
  const attended = Array.from({ length: 24 }, (_, i) => ({
    unitName: UNITS[i % UNITS.length] ?? null,
    personName: `${PEOPLE[i % PEOPLE.length] ?? ''}`,
    position: i % 5 === 0 ? `${UNITS[i % UNITS.length] ?? ''}副厅长` : null,
    note: i % 7 === 3 ? '代' : null,
  }));
  return {
    ...base,
    proceedings: [
      base.proceedings[0] ?? '',
      '一、关于下一阶段重点工作',
      ...Array.from({ length: 9 }, (_, i) => longParagraph(i, 7 + (i % 5))),
      '（一）关于工作机制。会议同意建立季度会商机制，由联席会议办公室负责组织。',
      ...Array.from({ length: 5 }, (_, i) => longParagraph(i + 20, 9)),
    ],
    attendance: { attended, absentWithLeave: base.attendance.absentWithLeave, observers: base.attendance.observers },
    decisions: Array.from({ length: 8 }, (_, i) => ({
      text: longParagraph(i + 40, 2 + (i % 3)),
      leadUnit: UNITS[i % UNITS.length] ?? null,
      coUnits: UNITS.slice(0, i % 4),
      deadline: i % 2 === 0 ? { kind: 'date' as const, date: '2026-03-31' } : { kind: 'working_days' as const, days: 30 },
    })),
  };
}

function longNotice(): MeetingNoticeView {
  const base = noticeView(true);
  return {
    ...base,
    agenda: Array.from({ length: 6 }, (_, i) => longParagraph(i + 60, 2)),
    invitees: Array.from({ length: 30 }, (_, i) => ({ unitName: UNITS[i % UNITS.length] ?? null, personName: PEOPLE[i % PEOPLE.length] ?? null })),
    otherRequirements: Array.from({ length: 3 }, (_, i) => longParagraph(i + 70, 6)),
    imprint: { reportCopyTo: ['省政府'], distributeTo: UNITS, printingOffice: base.signature.issuerName, printDate: base.signature.date },
  };
}

function longCircular(): CircularView {
  const base = circularView();
  const items = Array.from({ length: 14 }, (_, i) => ({
    ...(base.items[i % base.items.length] ?? base.items[0]!),
    text: longParagraph(i + 80, 2 + (i % 3)),
    leadUnit: UNITS[i % UNITS.length] ?? null,
    workingDaysLeft: i % 3 === 0 ? -(i + 1) : i,
  }));
  return { ...base, items };
}

interface Case {
  name: string;
  render: () => Promise<Buffer>;
  /** Texts that must be found whole in the PDF */
  expected: string[];
  /** Typefaces the document uses: 'kai' when it has a （一） heading */
  usesKai: boolean;
  /** Has a 发文机关标志 (notice, circular): its top is 35 mm below the top of the text block (7.2.2) */
  hasMark?: true;
}

const CASES: Case[] = [
  {
    name: 'minutes-short',
    render: () => renderMinutesDocx({ ...minutesView(), layout: 'print' }),
    expected: [minutesHeading(minutesView().bodyName), '第3期', ...minutesView().attendance.attended.map(formatAttendanceEntry)],
    usesKai: true,
  },
  { name: 'minutes-long', render: () => renderMinutesDocx({ ...longMinutes(), layout: 'print' }), expected: [minutesHeading(minutesView().bodyName)], usesKai: true },
  { name: 'notice-short', render: () => renderMeetingNoticeDocx({ ...noticeView(true), layout: 'print', imprint: longNotice().imprint }), expected: ['第一次全体会议的通知'], usesKai: false, hasMark: true },
  { name: 'notice-long', render: () => renderMeetingNoticeDocx({ ...longNotice(), layout: 'print' }), expected: ['第一次全体会议的通知'], usesKai: false, hasMark: true },
  { name: 'circular-short', render: () => renderCircularDocx({ ...circularView(), layout: 'print' }), expected: [circularView().title], usesKai: false, hasMark: true },
  { name: 'circular-long', render: () => renderCircularDocx({ ...longCircular(), layout: 'print' }), expected: [circularView().title], usesKai: false, hasMark: true },
];

/** Every character of the document body (word/document.xml), whitespace left out. */
async function docxCharacters(docx: Buffer): Promise<string[]> {
  const doc = await readDocx(docx);
  return [...doc.paragraphs.map((p) => p.text).join('')].filter((ch) => !/\s/u.test(ch));
}

/** Characters of `wanted` not found in `have` (as a multiset). */
function missingCharacters(wanted: readonly string[], have: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const ch of have) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const missing: string[] = [];
  for (const ch of wanted) {
    const left = counts.get(ch) ?? 0;
    if (left === 0) missing.push(ch);
    else counts.set(ch, left - 1);
  }
  return missing;
}

const PAGE_NUMBER = /^—(\d+)—$/u;
/** Half a point of tolerance for glyph boxes. */
const TOLERANCE_PT = 0.5;
/** One grid line in points (225 mm / 22). */
const LINE_PT = (225 / 22) * (72 / 25.4);

// A LibreOffice conversion takes seconds; with the integration files running side by side it may take
// several times as long, so each case has two minutes.
describe.skipIf(!available && process.env.CI !== 'true')('documents in a real client (LibreOffice, poppler)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!available) throw new Error('CI=true: LibreOffice (soffice) and poppler-utils must be installed (see .ci/run)');
    await mkdir(RESULTS, { recursive: true });
  });

  it.each(CASES)('$name: every character printed, inside the text block, in the GB typefaces, 版记 at the foot, pages numbered', async (c) => {
    const docx = await c.render();
    const pdf = await convertDocxToPdf(docx, { soffice });
    const file = path.join(RESULTS, `${c.name}.pdf`);
    await writeFile(path.join(RESULTS, `${c.name}.docx`), docx);
    await writeFile(file, pdf);

    // A4, pages counted
    const { pages, sizes } = await pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const size of sizes) expect(size).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/u);

    // no character of the DOCX lost
    const lines = await pdfLines(file);
    const printed = [...lines.map((l) => l.text).join('')].filter((ch) => !/\s/u.test(ch));
    expect(missingCharacters(await docxCharacters(docx), printed).join('')).toBe('');
    const text = squeeze(lines.map((l) => l.text).join('\n'));
    for (const expected of c.expected) expect(squeeze(lines.map((l) => l.text).join(''))).toContain(squeeze(expected));
    expect(text.length).toBeGreaterThan(0);

    // no line beyond the text block
    const over = lines.filter((l) => l.xMax > TEXT_BLOCK_PT.right + TOLERANCE_PT || l.xMin < TEXT_BLOCK_PT.left - TOLERANCE_PT);
    expect(over.map((l) => `p${l.page} ${l.xMin.toFixed(1)}–${l.xMax.toFixed(1)} ${l.text}`)).toEqual([]);

    // page numbers — N — on every page, in order
    const numbers = lines.filter((l) => PAGE_NUMBER.test(l.text));
    expect(numbers.map((l) => [l.page, Number(PAGE_NUMBER.exec(l.text)?.[1])])).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, i + 1]));

    // 版记: its last line (…印发) is the last text line of the last page, on the page's last grid line
    const lastPage = lines.filter((l: PdfLine) => l.page === pages && !PAGE_NUMBER.test(l.text));
    const lastLine = lastPage.at(-1);
    expect(lastLine?.text).toMatch(/印发$/u);
    expect(lastLine?.yMax ?? 0).toBeLessThanOrEqual(TEXT_BLOCK_PT.bottom + TOLERANCE_PT);
    expect(lastLine?.yMax ?? 0).toBeGreaterThan(TEXT_BLOCK_PT.bottom - LINE_PT);

    // 发文机关标志: the first line of page 1, its top 35 mm below the top of the text block (GB/T 9704 7.2.2)
    if (c.hasMark === true) {
      const mark = lines.find((l) => l.page === 1);
      const markTop = TEXT_BLOCK_PT.top + 35 * PT_PER_MM;
      expect(mark?.text).toContain('联席会议');
      // the glyph box sits a little below the em box's top: allow 1.5 mm below, none above
      expect(mark?.yMin ?? 0).toBeGreaterThanOrEqual(markTop - TOLERANCE_PT);
      expect(mark?.yMin ?? 0).toBeLessThanOrEqual(markTop + 1.5 * PT_PER_MM);
    }

    // fonts: SC serif (Black: 小标宋, Light: 仿宋), 黑体 WenQuanYi Zen Hei, 楷体 AR PL UKai; no sans or DejaVu stand-in
    const fonts = (await pdfFonts(file)).map((f) => f.name);
    expect(fonts.some((f) => /NotoSerifCJK.*-Black/u.test(f))).toBe(true);
    expect(fonts.some((f) => /NotoSerifCJK.*-Light/u.test(f))).toBe(true);
    expect(fonts.some((f) => /WenQuanYiZenHei/u.test(f))).toBe(true);
    if (c.usesKai) expect(fonts.some((f) => /UKai|KaitiM/u.test(f))).toBe(true);
    expect(fonts.filter((f) => /NotoSansCJK|DejaVu/u.test(f))).toEqual([]);

    // every page as PNG, for a person to look at
    await run('pdftoppm', ['-png', '-r', '60', file, path.join(RESULTS, c.name)]);
    const first = pages >= 10 ? `${c.name}-01.png` : `${c.name}-1.png`;
    expect((await readFile(path.join(RESULTS, first))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints the ledger on A4 landscape with its header repeated on every page (LibreOffice Calc)', async () => {
    const view = ledgerView();
    const template = view.sheets[0];
    if (template === undefined) throw new Error('no sheet');
    const rows = Array.from({ length: 60 }, (_, i) => ({ ...(template.rows[i % template.rows.length] ?? template.rows[0]!), itemNo: i + 1, text: longParagraph(i, 1 + (i % 3)) }));
    const xlsx = await renderLedgerXlsx({ ...view, sheets: [{ ...template, rows }] });
    const dir = path.join(RESULTS, 'ledger');
    await mkdir(dir, { recursive: true });
    const input = path.join(dir, 'ledger.xlsx');
    await writeFile(input, xlsx);
    await run(soffice ?? 'soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
      env: { ...process.env, FONTCONFIG_FILE },
      timeout: 120_000,
    });
    const file = path.join(dir, 'ledger.pdf');
    const { pages, sizes } = await pdfPages(file);
    expect(pages).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toMatch(/841\.\d+ x 595\.\d+ pts \(A4\)/u);
    const lines = await pdfLines(file);
    for (let page = 1; page <= pages; page += 1) {
      const text = squeeze(lines.filter((l) => l.page === page).map((l) => l.text).join(''));
      // the header row on every printed page
      expect(text, `page ${page}`).toContain('议定事项');
      expect(text, `page ${page}`).toContain('完成时限');
    }
    // dates shown in Chinese from the date cells
    expect(squeeze(lines.map((l) => l.text).join(''))).toContain('2024年3月14日');
    await run('pdftoppm', ['-png', '-r', '60', file, path.join(RESULTS, 'ledger')]);
  });
});
