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

/** Start of the clause (or sentence) that holds `at`: the offset after the previous boundary. */
export function boundaryBefore(text: string, at: number, boundary: RegExp = CLAUSE_BOUNDARY): number {
  let i = at - 1;
  while (i >= 0 && !boundary.test(text[i] ?? '')) i--;
  return i + 1;
}

/** End of the clause (or sentence) that holds `at`: the offset of the next boundary or the text's end. */
export function boundaryAfter(text: string, at: number, boundary: RegExp = CLAUSE_BOUNDARY): number {
  let i = at;
  while (i < text.length && !boundary.test(text[i] ?? '')) i++;
  return i;
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
