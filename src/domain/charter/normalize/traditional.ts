/**
 * Traditional → Simplified Chinese through OpenCC's generic t2s dictionaries (`from: 't'`), which
 * also convert the Hong Kong and Taiwan variants that mainland documents reposted in Traditional
 * characters use. The converter is built once, on first use. Pure.
 */
import * as OpenCC from 'opencc-js';
import type { MappedText } from './mapped-text.ts';
import { lineRanges } from './lines.ts';

let converter: OpenCC.ConverterFunction | null = null;

function convert(s: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(s);
}

/** Whether the text holds anything OpenCC could convert (every Traditional character is non-ASCII). */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * Converts to Simplified keeping every character's origin. A phrase conversion that would change a
 * line's length is undone for that line, which is then converted character by character (a
 * character whose conversion is not one character stays as it was).
 */
export function toSimplified(src: MappedText): MappedText {
  if (!hasNonAscii(src.text)) return src;
  const whole = convert(src.text);
  if (whole.length === src.text.length) return { text: whole, origin: src.origin };
  const out: string[] = [];
  for (const { start, end } of lineRanges(src.text)) {
    const line = src.text.slice(start, end);
    const converted = convert(line);
    if (converted.length === line.length) {
      out.push(converted);
    } else {
      let s = '';
      for (const ch of line.split('')) {
        const c = convert(ch);
        s += c.length === 1 ? c : ch;
      }
      out.push(s);
    }
  }
  return { text: out.join('\n'), origin: src.origin };
}
