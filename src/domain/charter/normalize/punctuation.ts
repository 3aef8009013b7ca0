/**
 * Length-preserving character fixes (see `NormalizedText` for the convention). Pure.
 *
 * - ASCII , : ; ( ) ! ? become full-width ，：；（）！？ in lines holding Chinese text, except
 *   between digits (9:00, 1,000).
 * - Full-width letters and digits (Ａ ２) become ASCII; the full-width full stop ． becomes '.'.
 * - The year brackets of a document number become 〔〕 (某政办[2020]1号 → 某政办〔2020〕1号).
 * - A zero written as ○, О (Cyrillic), O or 零 inside a Chinese-numeral year becomes 〇
 *   (二ОО九年 → 二〇〇九年).
 */
import type { MappedText } from './mapped-text.ts';
import { lineRanges } from './lines.ts';
import { isDigit } from '../../text/cjk.ts';
import { docNumberBracketFixes } from '../../text/doc-number.ts';

const TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const YEAR_ZERO = /[〇○ОOoＯ零0０一二三四五六七八九]{4}(?=\s*年)/gu;
const ZERO_LIKE = /[○ОOoＯ零0０]/u;
const HAN = /[\u3400-\u9fff]/u;

export function fixPunctuation(src: MappedText): MappedText {
  const source = src.text;
  // Pieces of the output: unchanged slices and replaced characters (no array of every character)
  const pieces: string[] = [];
  let copied = 0;
  const put = (i: number, c: string): void => {
    pieces.push(source.slice(copied, i), c);
    copied = i + 1;
  };
  for (const { start, end } of lineRanges(source)) {
    if (!HAN.test(source.slice(start, end))) continue;
    for (let i = start; i < end; i++) {
      const code = source.charCodeAt(i);
      // Only ASCII punctuation, full-width forms and ． can change
      if (code > 0x3f && code < 0xff0e) continue;
      const ch = source[i] as string;
      const full = TO_FULL[ch];
      if (full !== undefined) {
        if ((ch === ':' || ch === ',') && isDigit(source[i - 1]) && isDigit(source[i + 1])) continue;
        put(i, full);
        continue;
      }
      if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
        put(i, String.fromCharCode(code - 0xfee0));
      } else if (ch === '．') {
        put(i, '.');
      }
    }
  }
  let changed = pieces.length > 0;
  if (changed) pieces.push(source.slice(copied));
  let text = changed ? pieces.join('') : source;
  const fixes = docNumberBracketFixes(text);
  const years = [...text.matchAll(YEAR_ZERO)].filter((m) => /[一二三四五六七八九]/u.test(m[0]) && ZERO_LIKE.test(m[0]));
  if (fixes.length > 0 || years.length > 0) {
    const replaced = new Map<number, string>(fixes);
    for (const m of years) {
      for (let k = 0; k < m[0].length; k++) {
        if (/[○ОOoＯ零0０]/u.test(m[0][k] ?? '')) replaced.set(m.index + k, '〇');
      }
    }
    const again: string[] = [];
    let from = 0;
    for (const at of [...replaced.keys()].sort((a, b) => a - b)) {
      again.push(text.slice(from, at), replaced.get(at) as string);
      from = at + 1;
    }
    again.push(text.slice(from));
    text = again.join('');
    changed = true;
  }
  return changed ? { text, origin: src.origin } : src;
}
