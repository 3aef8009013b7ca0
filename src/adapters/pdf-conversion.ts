/**
 * Adapter to LibreOffice, kept apart from the pure renderers of src/documents/: PDF from DOCX
 * through `soffice --headless --convert-to pdf`, where it is installed. Each conversion runs in its
 * own temporary directory with its own LibreOffice profile, so that conversions may run side by side
 * (one profile can be used by one process only). Without `soffice` on the PATH the conversion is
 * refused with an AppError saying what is missing. At most MAX_CONVERSIONS run at once (a separate
 * process each, off the event loop), the others wait in turn; a conversion has a time budget.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors/app-error.ts';

const CONVERSION_TIMEOUT_MS = 120_000;

/** The fontconfig file LibreOffice runs with (system configuration + the GB/T 9704 typeface aliases). */
export const FONTCONFIG_FILE = path.resolve(import.meta.dirname, '../../config/fontconfig/fonts.conf');
/** LibreOffice processes at once; further conversions wait (at most MAX_WAITING), beyond: busy. */
const MAX_CONVERSIONS = 2;
const MAX_WAITING = 16;

let converting = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than MAX_CONVERSIONS conversions run; refuses with a 429 when too many wait. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (converting >= MAX_CONVERSIONS) {
    if (waiting.length >= MAX_WAITING) {
      throw new AppError('server_busy', '服务器正在转换其他 PDF，请稍后重试或先下载 DOCX', { details: { waiting: waiting.length } });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  converting += 1;
  try {
    return await work();
  } finally {
    converting -= 1;
    waiting.shift()?.();
  }
}

/** The path of `soffice` (or `libreoffice`) on the PATH, or null when LibreOffice is not installed. */
export async function findSoffice(searchPath: string = process.env.PATH ?? ''): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** The refusal when no LibreOffice is installed on the server. */
export function pdfUnavailableError(): AppError {
  return new AppError(
    'pdf_unavailable',
    '服务器未安装 LibreOffice（soffice），无法生成 PDF。请下载 DOCX 文件，或请系统管理员安装 libreoffice-writer 及中文字体（如 fonts-noto-cjk）后重试。',
    { details: { missing: 'soffice' } },
  );
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, FONTCONFIG_FILE };
    execFile(file, args, { env, timeout: CONVERSION_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else if (error.killed)
        reject(new AppError('pdf_conversion_timeout', `PDF 转换超过 ${CONVERSION_TIMEOUT_MS / 1000} 秒仍未完成，已停止。请先下载 DOCX 文件`, { cause: error }));
      else reject(new Error(`${path.basename(file)} failed: ${error.message} ${stderr}`.trim(), { cause: error }));
    });
  });
}

/** Converts DOCX bytes to PDF bytes with LibreOffice. Throws `pdf_unavailable` (501) without it. */
export async function convertDocxToPdf(docx: Buffer, options: { soffice?: string | null } = {}): Promise<Buffer> {
  const soffice = options.soffice === undefined ? await findSoffice() : options.soffice;
  if (soffice === null) throw pdfUnavailableError();
  return bounded(() => convertWith(soffice, docx));
}

async function convertWith(soffice: string, docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ]);
    try {
      return await readFile(path.join(dir, 'document.pdf'));
    } catch (cause) {
      throw new AppError('pdf_conversion_failed', 'LibreOffice 未能将文档转换为 PDF', { cause });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
