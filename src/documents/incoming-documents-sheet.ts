/**
 * The incoming-documents sheet of the ledger XLSX (收文办理台账): one row per incoming document of
 * the body — received date, sending unit and its number, title, 批办/转办, lead and co-handling
 * units, deadline, working days left or overdue, status, the lead unit's reply. Added after the
 * supervision sheets when the workbook view carries `incomingDocuments`. Pure: no I/O.
 */
import type ExcelJS from 'exceljs';
import { formatChineseDate, formatWorkingDaysLeft } from './chinese-format.ts';
import type { LedgerWorkbookView } from './document-views.ts';

/** One incoming document as the ledger shows it. */
export interface IncomingLedgerRow {
  receivedOn: string;
  sendingUnit: string;
  sendingNumber: string | null;
  title: string;
  /** 批办 / 转办, or null while only registered */
  routingName: string | null;
  leadUnit: string | null;
  coUnits: string[];
  deadline: string | null;
  deadlineProvisional: boolean;
  /** Working days left (negative: overdue) while the reply is owed; null otherwise */
  workingDaysLeft: number | null;
  statusLabel: string;
  replyText: string | null;
}

export interface IncomingLedgerSheet {
  /** The title line above the table */
  title: string;
  rows: IncomingLedgerRow[];
}

/** A ledger view that may carry the incoming-documents sheet. */
export type LedgerViewWithIncoming = LedgerWorkbookView & { incomingDocuments?: IncomingLedgerSheet };

export const INCOMING_LEDGER_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: IncomingLedgerRow, index: number) => string | number | null }> = [
  { header: '序号', width: 6, value: (_row, index) => index + 1 },
  { header: '收文日期', width: 14, value: (row) => formatChineseDate(row.receivedOn) },
  { header: '来文单位', width: 20, value: (row) => row.sendingUnit },
  { header: '来文字号', width: 18, value: (row) => row.sendingNumber },
  { header: '标题', width: 40, value: (row) => row.title },
  { header: '批办/转办', width: 10, value: (row) => row.routingName },
  { header: '主办单位', width: 18, value: (row) => row.leadUnit },
  { header: '协办单位', width: 24, value: (row) => (row.coUnits.length === 0 ? null : row.coUnits.join('、')) },
  {
    header: '办理时限',
    width: 16,
    value: (row) => (row.deadline === null ? null : `${formatChineseDate(row.deadline)}${row.deadlineProvisional ? '（暂定）' : ''}`),
  },
  { header: '剩余/逾期工作日', width: 14, value: (row) => row.workingDaysLeft },
  { header: '办理情况', width: 16, value: (row) => (row.workingDaysLeft === null ? row.statusLabel : `${row.statusLabel}（${formatWorkingDaysLeft(row.workingDaysLeft)}）`) },
  { header: '办理结果', width: 40, value: (row) => row.replyText },
];

const SHEET_NAME = '收文办理';
const HEADER_ROW = 2;
const OVERDUE_FILL = 'FFFDE2E2';

/** Adds the incoming-documents sheet when the view carries one (named 收文办理, unique in the workbook). */
export function addIncomingDocumentsSheet(workbook: ExcelJS.Workbook, view: LedgerViewWithIncoming, taken: Set<string>): void {
  const sheet = view.incomingDocuments;
  if (sheet === undefined) return;
  let name = SHEET_NAME;
  for (let n = 2; taken.has(name); n++) name = `${SHEET_NAME}(${n})`;
  taken.add(name);
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = INCOMING_LEDGER_COLUMNS.map((column) => ({ width: column.width }));
  const lastColumn = INCOMING_LEDGER_COLUMNS.length;
  worksheet.mergeCells(1, 1, 1, lastColumn);
  const title = worksheet.getCell(1, 1);
  title.value = `${sheet.title}（截至${formatChineseDate(view.asOf)}）`;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  worksheet.getRow(1).height = 28;
  const header = worksheet.getRow(HEADER_ROW);
  INCOMING_LEDGER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.rows.forEach((row, index) => {
    const excelRow = worksheet.getRow(HEADER_ROW + 1 + index);
    INCOMING_LEDGER_COLUMNS.forEach((column, columnIndex) => {
      const cell = excelRow.getCell(columnIndex + 1);
      cell.value = column.value(row, index);
      cell.font = { name: '仿宋_GB2312', size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true };
      if (row.workingDaysLeft !== null && row.workingDaysLeft < 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL } };
    });
  });
  worksheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: lastColumn } };
}
