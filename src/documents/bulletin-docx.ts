/**
 * A bulletin issue (简报 / 专报) as DOCX in the layout Chinese offices use: the red 版头 (the series'
 * name in red 小标宋 and the 期数 beneath), the 编发单位 and date line over a red rule, then each
 * article with its title (and its reporter, 供稿), and at the foot the 报 / 送 lines between rules.
 * On the GB/T 9704 page and grid of the other official documents. Pure: returns the bytes.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { IBorderOptions } from 'docx';
import { bodyTextParagraph } from './body-text-paragraph.ts';
import { formatChineseDate } from './chinese-format.ts';
import { OFFICIAL_RED, PAGE_TWIPS, SIZE_PT } from './gbt9704-layout.ts';
import { BODY, GRID_SPACING, blankLine, centredLine, labelledList, leftRightLineWithRedRule, packOfficialDocument, styledRun, titleParagraph } from './official-document-parts.ts';
import type { RunStyle } from './official-document-parts.ts';

export interface BulletinDocumentView {
  /** The series' name, e.g. 某某联席会议简报 */
  series: string;
  year: number;
  /** 第N期; null before it is signed (printed as 送审稿) */
  issueNumber: number | null;
  /** 发文字号, once issued */
  docNumber: string | null;
  /** 编发单位 */
  compiledBy: string;
  /** The date of the issue (ISO), the day it is signed or, for a draft, today */
  date: string;
  articles: { title: string; text: string; reporterName: string | null }[];
  /** 报 line */
  reportTo: string[];
  /** 送 line */
  copyTo: string[];
}

const FOOT: RunStyle = { face: 'body', sizePt: SIZE_PT.si };
const KAITI: RunStyle = { face: 'heading2', sizePt: SIZE_PT.san };
const THICK_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_RULE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** The 期数 line: 2026年第3期, or 送审稿 before signing. */
export function bulletinIssueLine(view: Pick<BulletinDocumentView, 'year' | 'issueNumber'>): string {
  return view.issueNumber === null ? `${view.year}年（送审稿）` : `${view.year}年第${view.issueNumber}期`;
}

/** An article's text as paragraphs: one per line of the text, blank lines dropped. */
export function articleParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The foot: 报 and 送 lines, 4号 仿宋, between full-width rules, kept together. */
function footTable(view: BulletinDocumentView): Table | null {
  const rows: Paragraph[] = [];
  const line = (label: string, entries: string[]): Paragraph =>
    labelledList({ label, entries, separator: '，', terminator: '。', startChars: 1, endChars: 1, labelStyle: FOOT, entryStyle: FOOT, keepNext: true });
  if (view.reportTo.length > 0) rows.push(line('报', view.reportTo));
  if (view.copyTo.length > 0) rows.push(line('送', view.copyTo));
  if (rows.length === 0) return null;
  return new Table({
    width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA },
    columnWidths: [PAGE_TWIPS.textWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: THICK_RULE, bottom: THICK_RULE, insideHorizontal: THIN_RULE, left: NO_RULE, right: NO_RULE, insideVertical: NO_RULE },
    rows: rows.map(
      (paragraph) =>
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ children: [paragraph], margins: { top: 0, bottom: 0, left: 0, right: 0 }, width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA } })],
        }),
    ),
  });
}

/** Renders the bulletin issue to a DOCX file (bytes). */
export async function renderBulletinDocx(view: BulletinDocumentView): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleParagraph(view.series, { color: OFFICIAL_RED }),
    centredLine(bulletinIssueLine(view)),
    ...(view.docNumber === null ? [] : [centredLine(view.docNumber)]),
    ...leftRightLineWithRedRule(view.compiledBy, formatChineseDate(view.date)),
  ];
  for (const article of view.articles) {
    children.push(blankLine(), titleParagraph(article.title));
    for (const text of articleParagraphs(article.text)) children.push(bodyTextParagraph(text));
    if (article.reporterName !== null && article.reporterName.trim() !== '') {
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: GRID_SPACING, children: [styledRun(`（${article.reporterName.trim()}供稿）`, KAITI)] }));
    }
  }
  const foot = footTable(view);
  if (foot !== null) children.push(blankLine(), foot);
  else children.push(new Paragraph({ spacing: GRID_SPACING, children: [styledRun('', BODY)] }));
  return packOfficialDocument({ title: `${view.series}（${bulletinIssueLine(view)}）`, creator: view.compiledBy, children });
}
