/**
 * Breaks overlong lines: a founding document's paragraph holds a few hundred characters, so a line
 * longer than `MAX_LINE` is a flattened page or junk. It is broken (a '\n' inserted, nothing
 * dropped) after its last sentence end in reach, else after its last clause mark, else at the limit,
 * so that every later step works on lines and sentences of bounded length and the import stays
 * linear in the input. Pure.
 */
import { Editor, type MappedText } from './mapped-text.ts';

/** Longest line the extractors see, in characters. */
export const MAX_LINE = 1200;

/** A break is looked for in the last part of an overlong line, not before this many characters. */
const MIN_PIECE = MAX_LINE / 4;

/** 0: other, 1: a clause mark (，、： space), 2: a sentence end (。；！？), 3: a line break. */
function markOf(code: number): number {
  switch (code) {
    case 0x0a:
      return 3;
    case 0x3002: // 。
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21:
    case 0x3f:
      return 2;
    case 0xff0c: // ，
    case 0x2c:
    case 0x3001: // 、
    case 0xff1a: // ：
    case 0x3a:
    case 0x20:
    case 0x09:
    case 0x3000:
      return 1;
    default:
      return 0;
  }
}

export function breakLongLines(src: MappedText): MappedText {
  const text = src.text;
  let lineStart = 0;
  let sentenceEnd = -1;
  let clauseEnd = -1;
  const breaks: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const mark = markOf(text.charCodeAt(i));
    if (mark === 3) {
      lineStart = i + 1;
      sentenceEnd = -1;
      clauseEnd = -1;
      continue;
    }
    if (mark === 2) sentenceEnd = i + 1;
    else if (mark === 1) clauseEnd = i + 1;
    if (i + 1 - lineStart < MAX_LINE) continue;
    // Break after the sentence end or clause mark in reach, else here
    let at = i + 1;
    if (sentenceEnd - lineStart >= MIN_PIECE) at = sentenceEnd;
    else if (clauseEnd - lineStart >= MIN_PIECE) at = clauseEnd;
    breaks.push(at);
    lineStart = at;
    sentenceEnd = -1;
    clauseEnd = -1;
    // Re-scan the characters after the break for the next line's marks
    for (let k = at; k <= i; k++) {
      const m = markOf(text.charCodeAt(k));
      if (m === 2) sentenceEnd = k + 1;
      else if (m === 1) clauseEnd = k + 1;
    }
  }
  if (breaks.length === 0) return src;
  const editor = new Editor(src);
  let from = 0;
  for (const at of breaks) {
    editor.keep(from, at);
    editor.insert(at, '\n');
    from = at;
  }
  editor.keep(from, text.length);
  return editor.finish();
}
