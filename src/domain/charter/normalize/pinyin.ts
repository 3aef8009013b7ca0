/**
 * Removes pinyin readings written in parentheses after a Chinese character: 关(guān)于 → 关于.
 * A parenthesis is a reading only when it holds one lower-case latin syllable right after a CJK
 * character: with a tone mark (ā á ǎ à ü …) always; without one only when it is a valid pinyin
 * syllable and the text already carries toned readings (so 平台(app) or (以下简称…) stay). Pure.
 */
import { Editor, type MappedText } from './mapped-text.ts';
import { isCjk } from '../../text/cjk.ts';

const READING = /[(（]([a-z\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]{1,7})[)）]/gu;
const TONED = /[\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]/u;
const SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü]{1,3}(?:ng|n|r)?$/u;

/** Whether a parenthesised latin token is a pinyin reading. */
function isReading(token: string, textHasTonedReadings: boolean): boolean {
  if (TONED.test(token)) return /^[a-z\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]+$/u.test(token);
  return textHasTonedReadings && SYLLABLE.test(token);
}

export function removePinyinReadings(src: MappedText): MappedText {
  const { text } = src;
  if (!/[(（][a-z\u00e0-\u01dc]/u.test(text)) return src;
  let toned = 0;
  for (const m of text.matchAll(READING)) {
    if (TONED.test(m[1] ?? '') && isCjk(text[m.index - 1])) toned++;
    if (toned >= 2) break;
  }
  const editor = new Editor(src);
  let cursor = 0;
  for (const m of text.matchAll(READING)) {
    const start = m.index;
    if (!isCjk(text[start - 1]) || !isReading(m[1] ?? '', toned >= 2)) continue;
    editor.keep(cursor, start);
    cursor = start + m[0].length;
  }
  if (cursor === 0) return src;
  editor.keep(cursor, text.length);
  return editor.finish();
}
