/**
 * A list as an XLSX workbook written while its rows arrive (exceljs' streaming WorkbookWriter): one
 * sheet, the header row bold and frozen, one committed row per item, so an export of any length
 * holds one page of rows at a time. Text a spreadsheet would read as a formula is made inert.
 */
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inertCellText } from '../../documents/audit-export.ts';

/** One column of an exported list: its header, width and the cell of a row. */
export interface ExportColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

/** The MIME type of an XLSX workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams `rows` as a one-sheet workbook; an error while reading ends the stream with that error. */
export function xlsxListStream<T>(sheetName: string, columns: readonly ExportColumn<T>[], rows: AsyncIterable<T>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const row of rows) {
        sheet
          .addRow(
            columns.map((column) => {
              const value = column.value(row);
              return typeof value === 'string' ? inertCellText(value) : value;
            }),
          )
          .commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return output;
}
