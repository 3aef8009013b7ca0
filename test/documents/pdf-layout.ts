/**
 * Reads a PDF the way a person checks a printed page: poppler's `pdftotext -bbox` gives every word
 * with its box; words are grouped into printed lines (same page, same baseline), so a test can
 * measure where each line starts and ends against the GB/T 9704 text block, and which lines sit
 * at the bottom of a page. `pdffonts` lists the embedded fonts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PAGE } from '../../src/documents/gbt9704-layout.ts';

const run = promisify(execFile);

/** Points per millimetre (PDF user space is 1/72 inch). */
export const PT_PER_MM = 72 / 25.4;

/** The text block (版心) in PDF points: left and right edges, top and bottom from the page's top. */
export const TEXT_BLOCK_PT = {
  left: PAGE.leftMm * PT_PER_MM,
  right: (PAGE.leftMm + PAGE.textWidthMm) * PT_PER_MM,
  top: PAGE.topMm * PT_PER_MM,
  bottom: (PAGE.topMm + PAGE.textHeightMm) * PT_PER_MM,
} as const;

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfLine {
  /** 1-based page number */
  page: number;
  /** The line's words joined without spaces */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function decode(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

/** Every word of every page with its box (`pdftotext -bbox`). */
export async function pdfWords(pdf: string): Promise<PdfWord[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfWord[][] = [];
  for (const page of stdout.split(/<page /u).slice(1)) {
    const words: PdfWord[] = [];
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)) {
      words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5] ?? '') });
    }
    pages.push(words);
  }
  return pages;
}

/** The printed lines of a PDF, page by page, top to bottom: words sharing a baseline (±2 pt) are one line. */
export async function pdfLines(pdf: string): Promise<PdfLine[]> {
  const lines: PdfLine[] = [];
  (await pdfWords(pdf)).forEach((words, index) => {
    const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
    const pageLines: PdfWord[][] = [];
    for (const word of sorted) {
      const last = pageLines.at(-1);
      const lastWord = last?.at(-1);
      if (last !== undefined && lastWord !== undefined && Math.abs(lastWord.yMax - word.yMax) <= 2) last.push(word);
      else pageLines.push([word]);
    }
    for (const words of pageLines) {
      const inOrder = [...words].sort((a, b) => a.xMin - b.xMin);
      lines.push({
        page: index + 1,
        text: inOrder.map((w) => w.text).join(''),
        xMin: Math.min(...inOrder.map((w) => w.xMin)),
        xMax: Math.max(...inOrder.map((w) => w.xMax)),
        yMin: Math.min(...inOrder.map((w) => w.yMin)),
        yMax: Math.max(...inOrder.map((w) => w.yMax)),
      });
    }
  });
  return lines;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts of a PDF (`pdffonts`), subset prefixes (ABCDEF+) removed. */
export async function pdfFonts(pdf: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/u);
      const name = (columns[0] ?? '').replace(/^[A-Z]{6}\+/u, '');
      const emb = columns.at(-5) ?? '';
      return { name, type: columns.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}
