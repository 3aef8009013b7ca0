/**
 * Small helpers the real-client tests share: running a command-line tool, whether one is installed,
 * where the PDFs and pages are saved for a person to look at, text without whitespace, and a PDF's pages
 * (count and sizes) as pdfinfo reports them.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** Where the real-client tests save their DOCX, PDF and page images. */
export const RESULTS = path.resolve(import.meta.dirname, '../../test-results/documents');

/** Whether a command-line tool (soffice, pdfinfo, …) is on the PATH. */
export async function hasTool(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

/** The text with all whitespace removed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** The PDF's page count and each page's size line (e.g. `595.276 x 841.89 pts (A4)`), from pdfinfo. */
export async function pdfPages(file: string): Promise<{ pages: number; sizes: string[] }> {
  const { stdout: info } = await run('pdfinfo', ['-l', '100', file]);
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? '0');
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gmu)].map((m) => m[1] ?? '');
  return { pages, sizes };
}
