/**
 * Line and clause helpers over the normalized text, with offsets. Pure.
 */
import type { SourceSpan } from '../charter-types.ts';

export interface Line {
  text: string;
  start: number;
  end: number;
}

/** The text's lines with their offsets (`\n` not included). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

/** Characters that end a clause. */
export const CLAUSE_BOUNDARY = /[，,；;。\n：:！!？?]/u;
/** Characters that end a sentence. */
export const SENTENCE_BOUNDARY = /[。；;\n！!？?]/u;

/** How far a boundary search scans directly before it uses the text's boundary index. */
const DIRECT_SCAN = 64;
/** Texts longer than this are searched through their boundary index only. */
const INDEXED_LENGTH = 8192;

/**
 * Boundary indexes of the text last searched, one per boundary pattern: `before[i]` is the offset
 * after the last boundary before `i` (0 when none), `after[i]` the offset of the first boundary at or
 * after `i` (the text's length when none). Built once per text and pattern on the first search that
 * scans far, so that searching from every match of a long run without punctuation stays linear.
 * A pure cache: the same text and pattern always give the same answer.
 */
let indexedText: string | null = null;
const boundaryIndexes = new Map<string, { before: Int32Array; after: Int32Array }>();

function boundaryIndex(text: string, boundary: RegExp): { before: Int32Array; after: Int32Array } {
  if (indexedText !== text) {
    indexedText = text;
    boundaryIndexes.clear();
  }
  const key = `${boundary.source}/${boundary.flags}`;
  const cached = boundaryIndexes.get(key);
  if (cached) return cached;
  const n = text.length;
  // Per UTF-16 code unit: 0 not yet tested, 1 no boundary, 2 boundary (the patterns are single characters)
  const known = new Uint8Array(65536);
  const isBoundary = (i: number): boolean => {
    const code = text.charCodeAt(i);
    let k = known[code] as number;
    if (k === 0) {
      k = boundary.test(text[i] as string) ? 2 : 1;
      known[code] = k;
    }
    return k === 2;
  };
  const before = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) before[i] = isBoundary(i - 1) ? i : (before[i - 1] as number);
  const after = new Int32Array(n + 1);
  after[n] = n;
  for (let i = n - 1; i >= 0; i--) after[i] = isBoundary(i) ? i : (after[i + 1] as number);
  const index = { before, after };
  boundaryIndexes.set(key, index);
  return index;
}

/** Start of the clause (or sentence) that holds `at`: the offset after the previous boundary. */
export function boundaryBefore(text: string, at: number, boundary: RegExp = CLAUSE_BOUNDARY): number {
  if (text.length > INDEXED_LENGTH) return boundaryIndex(text, boundary).before[Math.min(Math.max(at, 0), text.length)] as number;
  let i = at - 1;
  const stop = Math.max(-1, at - 1 - DIRECT_SCAN);
  while (i > stop && !boundary.test(text[i] ?? '')) i--;
  if (i < 0 || i > stop) return i + 1;
  return boundaryIndex(text, boundary).before[Math.min(Math.max(at, 0), text.length)] as number;
}

/** End of the clause (or sentence) that holds `at`: the offset of the next boundary or the text's end. */
export function boundaryAfter(text: string, at: number, boundary: RegExp = CLAUSE_BOUNDARY): number {
  if (text.length > INDEXED_LENGTH) return boundaryIndex(text, boundary).after[Math.min(Math.max(at, 0), text.length)] as number;
  let i = at;
  const stop = Math.min(text.length, at + DIRECT_SCAN);
  while (i < stop && !boundary.test(text[i] ?? '')) i++;
  if (i < stop || i >= text.length) return i;
  return boundaryIndex(text, boundary).after[Math.max(0, at)] as number;
}

/** Span trimmed of whitespace at both ends. */
export function trimSpan(text: string, start: number, end: number): SourceSpan {
  let s = start;
  let e = end;
  while (s < e && /[\s\u3000]/u.test(text[s] ?? '')) s++;
  while (e > s && /[\s\u3000]/u.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

/** The smallest span covering all the given spans, or null for none. */
export function unionSpan(spans: ReadonlyArray<SourceSpan | null | undefined>): SourceSpan | null {
  let out: SourceSpan | null = null;
  for (const s of spans) {
    if (!s) continue;
    out = out ? { start: Math.min(out.start, s.start), end: Math.max(out.end, s.end) } : { ...s };
  }
  return out;
}

/** Whether `inner` lies inside one of `ranges`. */
export function insideAny(inner: SourceSpan, ranges: readonly SourceSpan[]): boolean {
  return ranges.some((r) => inner.start >= r.start && inner.end <= r.end);
}

/** Whitespace of every width removed. */
export function foldSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/gu, '');
}

/** Names of the body used as a subject (联席会议, 工作专班, 协调小组 …). */
export const BODY_REFERENCE =
  '(?:联席会议|部际联席会议|工作专班|专班|协调小组|领导小组|工作小组|小组|指挥部|委员会|工作组)';
