/**
 * The real client: LibreOffice (Debian's libreoffice-writer-nogui with fonts-noto-cjk) converts each
 * DOCX to PDF; pdfinfo shows A4 pages; pdftotext finds the heading, every attendee and every decided
 * item; one rendered page is saved as PNG under test-results/ for a person to look at.
 * Never skipped in CI (CI=true): a missing LibreOffice or poppler fails there. Locally it skips,
 * saying so, when they are not installed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCircularDocx } from '../../src/documents/circular-docx.ts';
import { formatAttendanceEntry, minutesHeading, renderMinutesDocx } from '../../src/documents/minutes-docx.ts';
import { renderMeetingNoticeDocx } from '../../src/documents/meeting-notice-docx.ts';
import { convertDocxToPdf, findSoffice } from '../../src/adapters/pdf-conversion.ts';
import { circularView, minutesView, noticeView } from './view-fixtures.ts';

const run = promisify(execFile);
const RESULTS = path.resolve(import.meta.dirname, '../../test-results/documents');

async function tool(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

const soffice = await findSoffice();
const poppler = (await tool('pdfinfo')) && (await tool('pdftotext')) && (await tool('pdftoppm'));
const available = soffice !== null && poppler;
if (!available && process.env.CI !== 'true') {
  console.warn(
    '\n*** SKIPPED: documents real-client test — LibreOffice (soffice) or poppler-utils missing. Install: ' +
      'apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils ***\n',
  );
}

/** Whitespace-free text of a PDF (pdftotext breaks lines and spaces out Latin runs). */
async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  return stdout.replace(/\s+/gu, '');
}

async function pdfPages(pdf: string): Promise<{ pages: number; sizes: string[] }> {
  const { stdout } = await run('pdfinfo', ['-l', '100', pdf]);
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(stdout)?.[1] ?? '0');
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gmu)].map((m) => m[1] ?? '');
  return { pages, sizes };
}

function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

describe.skipIf(!available && process.env.CI !== 'true')('documents in a real client (LibreOffice, poppler)', () => {
  let dir = '';
  beforeAll(async () => {
    if (!available) throw new Error('CI=true: LibreOffice (soffice) and poppler-utils must be installed (see .ci/run)');
    dir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-real-client-'));
    await mkdir(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  async function convert(name: string, docx: Buffer): Promise<string> {
    const pdf = await convertDocxToPdf(docx, { soffice });
    const file = path.join(RESULTS, `${name}.pdf`);
    await writeFile(path.join(RESULTS, `${name}.docx`), docx);
    await writeFile(file, pdf);
    return file;
  }

  it('converts the minutes to A4 PDF with the heading, every attendee and every decided item', async () => {
    const view = minutesView();
    const pdf = await convert('minutes', await renderMinutesDocx(view));
    const info = await pdfPages(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    for (const size of info.sizes) expect(size).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/u);
    const text = await pdfText(pdf);
    expect(text).toContain(minutesHeading(view.bodyName));
    expect(text).toContain('第3期');
    for (const entry of [...view.attendance.attended, ...view.attendance.absentWithLeave, ...view.attendance.observers]) {
      expect(text).toContain(squeeze(formatAttendanceEntry(entry)));
    }
    for (const item of view.decisions) expect(text).toContain(squeeze(item.text));
    for (const unit of view.imprint.distributeTo) expect(text).toContain(unit);
    expect(text).toContain('—1—');
    // the first page as PNG, for a person to look at
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(RESULTS, 'minutes-page-1')]);
    expect((await readFile(path.join(RESULTS, 'minutes-page-1.png'))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('converts the meeting notice and the circular to A4 PDF', async () => {
    const notice = noticeView(true);
    const noticePdf = await convert('meeting-notice', await renderMeetingNoticeDocx(notice));
    for (const size of (await pdfPages(noticePdf)).sizes) expect(size).toContain('(A4)');
    const noticeText = await pdfText(noticePdf);
    expect(noticeText).toContain(notice.title);
    for (const entry of notice.invitees) expect(noticeText).toContain(squeeze(formatAttendanceEntry(entry)));
    const circular = circularView();
    const circularPdf = await convert('circular', await renderCircularDocx(circular));
    for (const size of (await pdfPages(circularPdf)).sizes) expect(size).toContain('(A4)');
    const circularText = await pdfText(circularPdf);
    expect(circularText).toContain(circular.title);
    for (const item of circular.items) expect(circularText).toContain(item.text);
  });
});
