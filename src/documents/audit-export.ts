/**
 * The audit trail as a file for the audit administrator (issue 17 point 7, issue 15 point 5): CSV
 * (UTF-8 with a BOM, so Excel shows Chinese) or XLSX (exceljs streaming writer), written row by row
 * from an async source so an export of any length never sits in memory; the Chinese names first. A
 * cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe (CSV injection).
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ChainedAuditRow } from '../domain/audit/audit-chain.ts';

/** A name in Chinese and English. */
interface ExportName {
  zh: string;
  en: string;
}

/**
 * An audit row as exported: the chained row, its actor's account and person, and the names a
 * person reads (the service's AuditTrailRecord).
 */
export interface AuditExportRow extends ChainedAuditRow {
  actorUsername: string | null;
  actorDisplayName: string | null;
  actorPersonName: string | null;
  actionName: ExportName;
  entityTypeName: ExportName;
  entityLabel: string | null;
  summary: ExportName;
}

/** An instant as Beijing time (UTC+8, no daylight saving): 2026-12-03 23:05:09. */
function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function json(value: unknown): string {
  return value === null ? '' : JSON.stringify(value);
}

/**
 * Header text and cell value of each exported column, in order: first what a person reads (time,
 * actor, action, object, summary in Chinese), then the codes, ids, raw details and the chain.
 */
export const AUDIT_EXPORT_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: AuditExportRow) => string | number }> = [
  { header: '序号', width: 8, value: (row) => row.seq },
  { header: '时间（北京时间）', width: 20, value: (row) => beijingTime(row.occurredAt) },
  { header: '操作人', width: 14, value: (row) => row.actorDisplayName ?? (row.actorId === null ? '系统' : '') },
  { header: '操作人账号', width: 14, value: (row) => row.actorUsername ?? '' },
  { header: '关联人员', width: 12, value: (row) => row.actorPersonName ?? '' },
  { header: '操作', width: 22, value: (row) => row.actionName.zh },
  { header: '对象类型', width: 14, value: (row) => row.entityTypeName.zh },
  { header: '对象', width: 30, value: (row) => row.entityLabel ?? '' },
  { header: '摘要', width: 50, value: (row) => row.summary.zh },
  { header: '结果', width: 8, value: (row) => (row.result === 'success' ? '成功' : '失败') },
  { header: '客户端地址', width: 16, value: (row) => row.clientAddress ?? '' },
  { header: '操作代码', width: 24, value: (row) => row.action },
  { header: '对象类型代码', width: 16, value: (row) => row.entityType },
  { header: '对象标识', width: 38, value: (row) => row.entityId ?? '' },
  { header: '操作人标识', width: 38, value: (row) => row.actorId ?? '' },
  { header: '时间（UTC）', width: 24, value: (row) => row.occurredAt },
  { header: '请求标识', width: 20, value: (row) => row.requestId ?? '' },
  { header: '变更前', width: 40, value: (row) => json(row.before) },
  { header: '变更后', width: 40, value: (row) => json(row.after) },
  { header: '前一哈希', width: 20, value: (row) => row.prevHash },
  { header: '哈希', width: 20, value: (row) => row.hash },
  { header: '哈希版本', width: 8, value: (row) => row.hashVersion },
];

/** A text a spreadsheet would evaluate as a formula, made inert with a leading apostrophe. */
export function inertCellText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = inertCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(fields: ReadonlyArray<string | number>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The trail as CSV: BOM, header line, one CRLF line per row. */
export function auditCsvStream(rows: AsyncIterable<AuditExportRow>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(AUDIT_EXPORT_COLUMNS.map((column) => column.header))}`;
    for await (const row of rows) yield csvLine(AUDIT_EXPORT_COLUMNS.map((column) => column.value(row)));
  }
  return Readable.from(lines(), { objectMode: false });
}

/** Resolves when the stream wants more data again, or is closed (the download was abandoned). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** The trail as an XLSX workbook (one sheet, header row frozen), written while the rows arrive. */
export function auditXlsxStream(rows: AsyncIterable<AuditExportRow>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('审计记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = AUDIT_EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const row of rows) {
        sheet.addRow(AUDIT_EXPORT_COLUMNS.map((column) => {
          const value = column.value(row);
          return typeof value === 'string' ? inertCellText(value) : value;
        })).commit();
        // Backpressure: wait while the reader of the file is behind (the rows are read page by page).
        if (output.writableNeedDrain) await drained(output);
        if (output.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return output;
}
