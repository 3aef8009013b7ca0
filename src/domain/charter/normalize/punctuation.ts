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

export function fixPunctuation(src: MappedText): MappedText {
  const chars = src.text.split('');
  let changed = false;
  for (const { start, end } of lineRanges(src.text)) {
    const line = src.text.slice(start, end);
    if (!/[\u3400-\u9fff]/u.test(line)) continue;
    for (let i = start; i < end; i++) {
      const ch = chars[i] as string;
      const full = TO_FULL[ch];
      if (full !== undefined) {
        if ((ch === ':' || ch === ',') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) continue;
        chars[i] = full;
        changed = true;
        continue;
      }
      const code = ch.charCodeAt(0);
      if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
        chars[i] = String.fromCharCode(code - 0xfee0);
        changed = true;
      } else if (ch === '．') {
        chars[i] = '.';
        changed = true;
      }
    }
  }
  let text = changed ? chars.join('') : src.text;
  const fixes = docNumberBracketFixes(text);
  const years = [...text.matchAll(YEAR_ZERO)].filter((m) => /[一二三四五六七八九]/u.test(m[0]) && ZERO_LIKE.test(m[0]));
  if (fixes.length > 0 || years.length > 0) {
    const again = text.split('');
    for (const [at, c] of fixes) again[at] = c;
    for (const m of years) {
      for (let k = 0; k < m[0].length; k++) {
        if (/[○ОOoＯ零0０]/u.test(m[0][k] ?? '')) again[m.index + k] = '〇';
      }
    }
    text = again.join('');
    changed = true;
  }
  return changed ? { text, origin: src.origin } : src;
}
