/**
 * The supervision ledger (督办台账) as XLSX (exceljs): one sheet per body, one row per decided item —
 * source meeting and minutes, text, lead and co-handling units, deadline, working days left or
 * overdue, status, latest progress — and a summary sheet first when it holds several bodies. A title
 * line, then the header row frozen with a filter on it and repeated on every printed page; dates are
 * real date cells shown in Chinese (2024年3月14日, a provisional deadline with （暂定）); every cell
 * bordered; rows as high as their wrapped text; A4 landscape, fitted to the width only when legible.
 * Overdue rows are tinted. Pure: builds the workbook in memory and returns its bytes.
 */
import ExcelJS from 'exceljs';
import { formatChineseDate, formatWorkingDaysLeft } from './chinese-format.ts';
import type { LedgerRow, LedgerSheetView, LedgerWorkbookView } from './document-views.ts';
import { addIncomingDocumentsSheet } from './incoming-documents-sheet.ts';

/** A calendar date as an Excel date cell (midnight UTC of the ISO date: Excel dates carry no zone). */
export function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** Chinese date format of the date cells: 2024年3月14日. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** The same for a deadline still provisional (节假日安排未公布): 2024年4月10日（暂定）. */
export const PROVISIONAL_DATE_FORMAT = 'yyyy"年"m"月"d"日（暂定）"';

type CellValue = string | number | Date | null;

/** The ledger's columns in order: header text, width (characters), the cell's value and its number format. */
export const LEDGER_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: LedgerRow) => CellValue; format?: (row: LedgerRow) => string }> = [
  { header: '序号', width: 5, value: (row) => row.itemNo },
  { header: '来源会议', width: 16, value: (row) => row.meetingName },
  { header: '印发日期', width: 12, value: (row) => (row.issuedOn === null ? null : excelDate(row.issuedOn)), format: () => CHINESE_DATE_FORMAT },
  { header: '会议纪要', width: 11, value: (row) => row.minutesLabel },
  { header: '议定事项', width: 34, value: (row) => row.text },
  { header: '牵头单位', width: 13, value: (row) => row.leadUnit },
  { header: '配合单位', width: 15, value: (row) => (row.coUnits.length === 0 ? null : row.coUnits.join('、')) },
  {
    header: '完成时限',
    width: 13,
    value: (row) => (row.deadline === null ? null : excelDate(row.deadline)),
    format: (row) => (row.deadlineProvisional ? PROVISIONAL_DATE_FORMAT : CHINESE_DATE_FORMAT),
  },
  { header: '剩余/逾期工作日', width: 9, value: (row) => row.workingDaysLeft },
  { header: '办理情况', width: 14, value: (row) => (row.workingDaysLeft === null ? row.statusLabel : `${row.statusLabel}（${formatWorkingDaysLeft(row.workingDaysLeft)}）`) },
  { header: '最新进展', width: 28, value: (row) => row.latestProgress },
  { header: '进展日期', width: 12, value: (row) => (row.latestProgressAt === null ? null : excelDate(row.latestProgressAt)), format: () => CHINESE_DATE_FORMAT },
];

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/gu, '').slice(0, 31) || '台账';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) {
    const suffix = `(${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

const HEADER_ROW = 2;
const OVERDUE_FILL = 'FFFDE2E2';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const ALL_BORDERS = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Points per printed line of 11 pt text. */
const LINE_POINTS = 15;
/**
 * A4 landscape: 297 mm less 2 × 10 mm margins. One unit of Excel column width is about 1.9 mm at the
 * default font; the sheet is fitted to the page's width only when that keeps at least 75 % of the size
 * (legible), else it prints at 75 % over more pages.
 */
const PRINTABLE_WIDTH_MM = 277;
const MM_PER_WIDTH_UNIT = 1.9;
const LEGIBLE_SCALE = 75;

/** Lines a wrapped text takes in a column `width` characters wide (Chinese characters count double). */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }
  return lines;
}

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return '0000年00月00日';
  return String(value);
}

/** Page set-up of every sheet: A4 landscape, header rows repeated on every printed page, legible scale. */
function pageSetup(worksheet: ExcelJS.Worksheet, widths: readonly number[], headerRows: number): void {
  const total = widths.reduce((sum, w) => sum + w, 0);
  const fit = Math.floor((PRINTABLE_WIDTH_MM / (total * MM_PER_WIDTH_UNIT)) * 100);
  worksheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    printTitlesRow: `1:${headerRows}`,
    ...(fit >= LEGIBLE_SCALE ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: LEGIBLE_SCALE }),
  };
  worksheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

function titleRow(worksheet: ExcelJS.Worksheet, text: string, columns: number): void {
  worksheet.mergeCells(1, 1, 1, columns);
  const title = worksheet.getCell(1, 1);
  title.value = text;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  worksheet.getRow(1).height = 28;
}

function headerRow(worksheet: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[]): void {
  const header = worksheet.getRow(HEADER_ROW);
  headers.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = ALL_BORDERS;
  });
  header.height = Math.max(...headers.map((text, i) => wrappedLines(text, widths[i] ?? 10))) * LINE_POINTS + 4;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: LedgerSheetView, asOf: string, taken: Set<string>): void {
  const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  const widths = LEDGER_COLUMNS.map((column) => column.width);
  worksheet.columns = widths.map((width) => ({ width }));
  pageSetup(worksheet, widths, HEADER_ROW);
  const lastColumn = LEDGER_COLUMNS.length;
  titleRow(worksheet, `${sheet.title}（截至${formatChineseDate(asOf)}）`, lastColumn);
  headerRow(worksheet, LEDGER_COLUMNS.map((column) => column.header), widths);

  sheet.rows.forEach((row, index) => {
    const excelRow = worksheet.getRow(HEADER_ROW + 1 + index);
    let lines = 1;
    LEDGER_COLUMNS.forEach((column, columnIndex) => {
      const cell = excelRow.getCell(columnIndex + 1);
      const value = column.value(row);
      cell.value = value;
      if (column.format !== undefined && value !== null) cell.numFmt = column.format(row);
      cell.font = { name: '仿宋_GB2312', size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true, ...(typeof value === 'number' || value instanceof Date ? { horizontal: 'center' as const } : {}) };
      cell.border = ALL_BORDERS;
      lines = Math.max(lines, wrappedLines(cellText(value), column.width));
      if (row.workingDaysLeft !== null && row.workingDaysLeft < 0) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL } };
      }
    });
    // row heights that fit the wrapped text (Excel and WPS do not grow rows on opening)
    excelRow.height = lines * LINE_POINTS + 4;
  });
  worksheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: lastColumn },
  };
}

/** The summary sheet (汇总): per body, the items, the open ones, the overdue ones, those due within five working days. */
function addSummarySheet(workbook: ExcelJS.Workbook, view: LedgerWorkbookView, sheets: readonly LedgerSheetView[], taken: Set<string>): void {
  const worksheet = workbook.addWorksheet(sheetName('汇总', taken), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  const headers = ['议事协调机构', '议定事项', '未办结', '已逾期', '5个工作日内到期'];
  const widths = [40, 12, 12, 12, 16];
  worksheet.columns = widths.map((width) => ({ width }));
  pageSetup(worksheet, widths, HEADER_ROW);
  titleRow(worksheet, `${view.title}汇总（截至${formatChineseDate(view.asOf)}）`, headers.length);
  headerRow(worksheet, headers, widths);
  const rows = sheets.map((sheet) => [
    sheet.name,
    sheet.rows.length,
    sheet.rows.filter((r) => r.workingDaysLeft !== null).length,
    sheet.rows.filter((r) => r.workingDaysLeft !== null && r.workingDaysLeft < 0).length,
    sheet.rows.filter((r) => r.workingDaysLeft !== null && r.workingDaysLeft >= 0 && r.workingDaysLeft <= 5).length,
  ]);
  const totals = ['合计', ...[1, 2, 3, 4].map((i) => rows.reduce((sum, r) => sum + Number(r[i] ?? 0), 0))];
  [...rows, totals].forEach((values, index) => {
    const excelRow = worksheet.getRow(HEADER_ROW + 1 + index);
    values.forEach((value, i) => {
      const cell = excelRow.getCell(i + 1);
      cell.value = value ?? null;
      cell.font = { name: '仿宋_GB2312', size: 11, bold: index === rows.length };
      cell.alignment = { vertical: 'top', wrapText: true, ...(i > 0 ? { horizontal: 'center' as const } : {}) };
      cell.border = ALL_BORDERS;
    });
    excelRow.height = wrappedLines(String(values[0] ?? ''), widths[0] ?? 40) * LINE_POINTS + 4;
  });
}

/** Renders the ledger workbook to XLSX bytes. */
export async function renderLedgerXlsx(view: LedgerWorkbookView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = view.title;
  workbook.creator = view.title;
  workbook.created = new Date(`${view.asOf}T00:00:00+08:00`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  const sheets = view.sheets.length === 0 ? [{ name: view.title, title: view.title, rows: [] }] : view.sheets;
  // a summary first when the ledger holds more than one body
  if (sheets.length > 1) addSummarySheet(workbook, view, sheets, taken);
  for (const sheet of sheets) addSheet(workbook, sheet, view.asOf, taken);
  // further sheets of other registers, each added by one call (收文: incoming-documents-sheet.ts)
  addIncomingDocumentsSheet(workbook, view, taken);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
