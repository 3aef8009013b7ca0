/**
 * Chinese line composition on the GB/T 9704 grid (28 characters a line), as a typesetter does it.
 * Pure: text in, lines out; no docx, no I/O.
 *
 * - Widths are counted in cells (one 3号 character of the 28-character line): Chinese characters and
 *   full-width punctuation take one cell; Latin letters and digits (Times New Roman) their metric
 *   width, plus the narrowing of the character spacing every character carries.
 * - 行首禁则: no closing mark (。，、；：？！）》”’ …) begins a line; 行尾禁则: no opening mark
 *   (（《“‘ …) ends one. A number or Latin word (2026, 9:30, GB/T) and a span the caller protects (a
 *   person's or unit's name in a list) are never split, unless longer than a whole line.
 * - 标点挤压: when a closing mark would be the first character of the next line, the line keeps it
 *   by setting the closing marks before it half a cell narrower — at most one cell in all — so the
 *   line still holds its 28 characters; when that is not enough, the last character goes down with
 *   the mark (推出) and the line is spread over the full width.
 */

import { titleBreakCosts } from './title-breaking.ts';

/** Marks that may not begin a line (行首禁则). */
export const NO_LINE_START = new Set([
  ...'。，、；：？！）》」』】〕〗〉”’…—～·％‰℃,.;:?!)]}%',
  '\u3001',
  '\uff0e',
  '\uff5d',
  '\uff3d',
]);

/** Marks that may not end a line (行尾禁则). */
export const NO_LINE_END = new Set([...'（《「『【〔〖〈“‘([{']);

/** Closing marks whose ink sits in the left half of the cell: the ones a line may squeeze by half a cell. */
const SQUEEZABLE = new Set([...'。，、；：？！）》」』】〕〗〉”’']);

/**
 * Advance widths of printable ASCII in Times New Roman (Liberation Serif has the same metrics),
 * thousandths of an em, from ' ' (32) to '~' (126).
 */
const TIMES_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
  278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
  611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

export interface CellMetrics {
  /** Type size in points (3号 16) */
  sizePt: number;
  /** Character spacing every character carries, in points (negative narrows) */
  spacingPt: number;
  /** One cell of the grid in points */
  cellPt: number;
  /**
   * Space a word processor adds where Chinese meets Latin letters or digits, in points. LibreOffice
   * adds it whatever the document says (it ignores w:autoSpaceDE); measured 3.46 pt at 3号.
   */
  autospacePt?: number;
}

type Script = 'latin' | 'asian' | 'weak';

function scriptOf(ch: string): Script {
  const code = ch.codePointAt(0) ?? 0;
  if (code > 32 && code <= 126) return 'latin';
  if (code >= 0x2e80) return 'asian';
  return 'weak';
}

/** Widths of each character in cells, a character after a change of script carrying the autospace. */
function charWidths(chars: readonly string[], metrics: CellMetrics): number[] {
  const autospace = (metrics.autospacePt ?? 0) / metrics.cellPt;
  return chars.map((ch, i) => {
    const width = charCells(ch, metrics);
    if (i === 0 || autospace === 0) return width;
    const before = scriptOf(chars[i - 1] ?? '');
    const after = scriptOf(ch);
    return before !== after && before !== 'weak' && after !== 'weak' ? width + autospace : width;
  });
}

/** The width of one character in cells. Chinese, full-width and general punctuation: one cell. */
function charCells(ch: string, metrics: CellMetrics): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) {
    const em = (TIMES_WIDTHS[code - 32] ?? 1000) / 1000;
    // a 2 % margin: Latin glyph widths differ slightly between Times New Roman builds
    return (em * metrics.sizePt * 1.02 + metrics.spacingPt) / metrics.cellPt;
  }
  if (code < 0x2000 && code !== 0xb7) return (0.6 * metrics.sizePt + metrics.spacingPt) / metrics.cellPt;
  return 1;
}

/** Width of a text in cells. */
export function textCells(text: string, metrics: CellMetrics): number {
  let width = 0;
  for (const ch of text) width += charCells(ch, metrics);
  return width;
}

/** One composed line. */
export interface ComposedLine {
  text: string;
  /** Width in cells after squeezing */
  cells: number;
  /** Character positions (code-point indexes into `text`) set half a cell narrower */
  squeezed: number[];
  /** True when the line does not end the paragraph: it is spread over the full width */
  continued: boolean;
}

export interface CompositionOptions {
  /** Cells of the first line (28 less a first-line indent) */
  firstLineCells: number;
  /** Cells of every further line */
  lineCells: number;
  metrics: CellMetrics;
  /** Spans of `text` (code-point [start, end)) never split across lines when they fit on one */
  keepTogether?: ReadonlyArray<readonly [number, number]>;
}

const ASCII_WORD = /[0-9A-Za-z]/u;
/** Characters that continue a number or Latin word: 9:30, 3.5, GB/T, 2024-03 (when between word characters). */
const WORD_JOINERS = new Set([...'.:/-_']);

/**
 * Where a line may break: `breakable[i]` is true when a line may end before character i (0 < i < n).
 */
function breakOpportunities(chars: readonly string[], keepTogether: ReadonlyArray<readonly [number, number]> = []): boolean[] {
  const n = chars.length;
  const breakable = new Array<boolean>(n + 1).fill(true);
  breakable[0] = false;
  for (let i = 1; i < n; i += 1) {
    const before = chars[i - 1] ?? '';
    const after = chars[i] ?? '';
    if (NO_LINE_START.has(after)) breakable[i] = false;
    if (NO_LINE_END.has(before)) breakable[i] = false;
    const wordBefore = ASCII_WORD.test(before) || (WORD_JOINERS.has(before) && ASCII_WORD.test(chars[i - 2] ?? '') && ASCII_WORD.test(after));
    const wordAfter = ASCII_WORD.test(after) || (WORD_JOINERS.has(after) && ASCII_WORD.test(before) && ASCII_WORD.test(chars[i + 1] ?? ''));
    if (wordBefore && wordAfter) breakable[i] = false;
    // —— and …… are one mark of two cells
    if ((before === '—' && after === '—') || (before === '…' && after === '…')) breakable[i] = false;
  }
  for (const [start, end] of keepTogether) {
    for (let i = Math.max(1, start + 1); i < Math.min(n, end); i += 1) breakable[i] = false;
  }
  return breakable;
}

/** Splits a paragraph into lines by the rules above. An empty text gives one empty line. */
export function composeLines(text: string, options: CompositionOptions): ComposedLine[] {
  const chars = [...text];
  if (chars.length === 0) return [{ text: '', cells: 0, squeezed: [], continued: false }];
  const widths = charWidths(chars, options.metrics);
  const spans = (options.keepTogether ?? []).filter(([start, end]) => sumWidths(widths, start, end) <= options.lineCells);
  const breakable = breakOpportunities(chars, spans);
  const lines: ComposedLine[] = [];
  let start = 0;
  while (start < chars.length) {
    const capacity = lines.length === 0 ? options.firstLineCells : options.lineCells;
    const line = nextLine(chars, widths, breakable, start, capacity);
    lines.push({ text: chars.slice(start, line.end).join(''), cells: line.cells, squeezed: line.squeezed.map((i) => i - start), continued: true });
    start = line.end;
  }
  const last = lines.at(-1);
  if (last !== undefined) last.continued = false;
  return lines;
}

function sumWidths(widths: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += widths[i] ?? 0;
  return sum;
}

const EPSILON = 1e-6;

/** The end (exclusive) of the line starting at `start`, with the marks it squeezes. */
function nextLine(
  chars: readonly string[],
  widths: readonly number[],
  breakable: readonly boolean[],
  start: number,
  capacity: number,
): { end: number; cells: number; squeezed: number[] } {
  // the furthest character that fits
  let fit = start;
  let width = 0;
  while (fit < chars.length && width + (widths[fit] ?? 0) <= capacity + EPSILON) {
    width += widths[fit] ?? 0;
    fit += 1;
  }
  if (fit >= chars.length) return { end: chars.length, cells: width, squeezed: [] };
  if (breakable[fit] === true && fit > start) return { end: fit, cells: width, squeezed: [] };
  // 标点挤压: take the marks that may not begin the next line (and what cannot be parted from them)
  // onto this line, narrowing closing marks by half a cell each, one cell at most in all
  let end = fit;
  while (end < chars.length && breakable[end] !== true) end += 1;
  const squeezed = squeezeToFit(chars, widths, start, end, capacity);
  if (squeezed !== null) return { end, cells: sumWidths(widths, start, end) - squeezed.length / 2, squeezed };
  // 推出: break at the last opportunity that fits
  let back = fit;
  while (back > start && breakable[back] !== true) back -= 1;
  if (back > start) return { end: back, cells: sumWidths(widths, start, back), squeezed: [] };
  // nothing fits (one unbreakable run longer than the line): break it where it fills the line,
  // still keeping a closing mark off the next line's start
  let hard = Math.max(fit, start + 1);
  while (hard > start + 1 && NO_LINE_START.has(chars[hard] ?? '')) hard -= 1;
  return { end: hard, cells: sumWidths(widths, start, hard), squeezed: [] };
}

/** Closing marks of [start, end) to set half a cell narrower so the range fits `capacity`, or null. */
function squeezeToFit(chars: readonly string[], widths: readonly number[], start: number, end: number, capacity: number): number[] | null {
  const over = sumWidths(widths, start, end) - capacity;
  if (over <= EPSILON) return [];
  if (over > 1 + EPSILON) return null;
  const needed = Math.ceil(over * 2 - EPSILON);
  const marks: number[] = [];
  // the line's last mark keeps its full width: LibreOffice measures a line's last character at its
  // full width when it breaks lines, so the room comes from the marks before it
  for (let i = end - 2; i >= start && marks.length < needed; i -= 1) {
    if (SQUEEZABLE.has(chars[i] ?? '')) marks.push(i);
  }
  return marks.length >= needed ? marks.sort((a, b) => a - b) : null;
}

/**
 * The spans of a line of names (an issuing office, a 印发机关, joint issuers parted by spaces) that
 * must not be split: each whole name; its parts between the boundaries the title rules find free (after
 * …省 / …市, after …领导小组 / …联席会议, before 办公室); the parts between any word's edges; and every
 * lexicon word and number — the finer spans hold when a coarser one is longer than a line.
 */
export function nameSpans(text: string): Array<readonly [number, number]> {
  const chars = [...text];
  const n = chars.length;
  const costs = titleBreakCosts(text);
  const spans: Array<readonly [number, number]> = [];
  // each whole name (joint issuers are parted by spaces), kept on one line when it fits one
  let nameStart = 0;
  for (let k = 0; k <= n; k += 1) {
    if (k < n && !/\s/u.test(chars[k] ?? '')) continue;
    if (k - nameStart > 1) spans.push([nameStart, k]);
    nameStart = k + 1;
  }
  // its parts between the free boundaries (cost 0–1), then between any word's edges (cost 2)
  for (const most of [1, 2]) {
    let start = 0;
    for (let k = 1; k <= n; k += 1) {
      const boundary = k === n || (costs[k] ?? Infinity) <= most || /\s/u.test(chars[k] ?? '') || /\s/u.test(chars[k - 1] ?? '');
      if (!boundary) continue;
      if (k - start > 1) spans.push([start, k]);
      start = k;
    }
  }
  for (let k = 1; k < n; k += 1) {
    if (costs[k] !== Infinity || costs[k - 1] === Infinity) continue;
    let end = k;
    while (end < n && costs[end] === Infinity) end += 1;
    spans.push([k - 1, end]);
  }
  return spans;
}

/** A line of names (an issuing office) composed by the rules above with no name split (nameSpans). */
export function composeNameLine(text: string, options: Omit<CompositionOptions, 'keepTogether'>): ComposedLine[] {
  return composeLines(text, { ...options, keepTogether: nameSpans(text) });
}
