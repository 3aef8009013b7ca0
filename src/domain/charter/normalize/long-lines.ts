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

const SENTENCE_END = new Set(['。', '；', ';', '！', '？', '!', '?']);
const CLAUSE_MARK = new Set(['，', ',', '、', '：', ':', ' ', '\t', '\u3000']);

export function breakLongLines(src: MappedText): MappedText {
  const text = src.text;
  let lineStart = 0;
  let sentenceEnd = -1;
  let clauseEnd = -1;
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      lineStart = i + 1;
      sentenceEnd = -1;
      clauseEnd = -1;
      continue;
    }
    if (SENTENCE_END.has(c)) sentenceEnd = i + 1;
    else if (CLAUSE_MARK.has(c)) clauseEnd = i + 1;
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
      const d = text[k] as string;
      if (SENTENCE_END.has(d)) sentenceEnd = k + 1;
      else if (CLAUSE_MARK.has(d)) clauseEnd = k + 1;
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
