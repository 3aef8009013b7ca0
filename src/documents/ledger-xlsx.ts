/**
 * The supervision ledger (督办台账) as XLSX (exceljs): one sheet per body, one row per decided item —
 * source meeting and minutes, text, lead and co-handling units, deadline, working days left or
 * overdue, status, latest progress. A title line, then the header row frozen with a filter on it.
 * Overdue rows are tinted. Pure: builds the workbook in memory and returns its bytes.
 */
import ExcelJS from 'exceljs';
import { formatChineseDate, formatWorkingDaysLeft } from './chinese-format.ts';
import type { LedgerRow, LedgerSheetView, LedgerWorkbookView } from './document-views.ts';
import { addIncomingDocumentsSheet } from './incoming-documents-sheet.ts';

/** The ledger's columns in order: header text, width (characters) and the cell's value. */
export const LEDGER_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: LedgerRow) => string | number | null }> = [
  { header: '序号', width: 6, value: (row) => row.itemNo },
  { header: '来源会议', width: 24, value: (row) => row.meetingName },
  { header: '印发日期', width: 14, value: (row) => (row.issuedOn === null ? null : formatChineseDate(row.issuedOn)) },
  { header: '会议纪要', width: 14, value: (row) => row.minutesLabel },
  { header: '议定事项', width: 48, value: (row) => row.text },
  { header: '牵头单位', width: 18, value: (row) => row.leadUnit },
  { header: '配合单位', width: 24, value: (row) => (row.coUnits.length === 0 ? null : row.coUnits.join('、')) },
  {
    header: '完成时限',
    width: 16,
    value: (row) => (row.deadline === null ? null : `${formatChineseDate(row.deadline)}${row.deadlineProvisional ? '（暂定）' : ''}`),
  },
  { header: '剩余/逾期工作日', width: 14, value: (row) => row.workingDaysLeft },
  { header: '办理情况', width: 16, value: (row) => (row.workingDaysLeft === null ? row.statusLabel : `${row.statusLabel}（${formatWorkingDaysLeft(row.workingDaysLeft)}）`) },
  { header: '最新进展', width: 40, value: (row) => row.latestProgress },
  { header: '进展日期', width: 14, value: (row) => (row.latestProgressAt === null ? null : formatChineseDate(row.latestProgressAt)) },
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

function addSheet(workbook: ExcelJS.Workbook, sheet: LedgerSheetView, asOf: string, taken: Set<string>): void {
  const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = LEDGER_COLUMNS.map((column) => ({ width: column.width }));
  const lastColumn = LEDGER_COLUMNS.length;
  worksheet.mergeCells(1, 1, 1, lastColumn);
  const title = worksheet.getCell(1, 1);
  title.value = `${sheet.title}（截至${formatChineseDate(asOf)}）`;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  worksheet.getRow(1).height = 28;

  const header = worksheet.getRow(HEADER_ROW);
  LEDGER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  sheet.rows.forEach((row, index) => {
    const excelRow = worksheet.getRow(HEADER_ROW + 1 + index);
    LEDGER_COLUMNS.forEach((column, columnIndex) => {
      const cell = excelRow.getCell(columnIndex + 1);
      cell.value = column.value(row);
      cell.font = { name: '仿宋_GB2312', size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true };
      if (row.workingDaysLeft !== null && row.workingDaysLeft < 0) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL } };
      }
    });
  });
  worksheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: lastColumn },
  };
}

/** Renders the ledger workbook to XLSX bytes. */
export async function renderLedgerXlsx(view: LedgerWorkbookView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = view.title;
  workbook.creator = 'Lianxi';
  workbook.created = new Date(`${view.asOf}T00:00:00+08:00`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  const sheets = view.sheets.length === 0 ? [{ name: view.title, title: view.title, rows: [] }] : view.sheets;
  for (const sheet of sheets) addSheet(workbook, sheet, view.asOf, taken);
  addIncomingDocumentsSheet(workbook, view, taken);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
