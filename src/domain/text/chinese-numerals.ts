/**
 * Chinese numerals: 一 … 九十九, 两, 〇/零 and digit-by-digit years (二〇〇九). Pure.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, О: 0, O: 0, o: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may appear in a Chinese numeral (for building patterns). */
export const CHINESE_NUMERAL_CHARS = '零〇○ＯОOo一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Value of a Chinese numeral written with units (十三 → 13, 一百零五 → 105, 二十 → 20) or digit by
 * digit (二〇〇九 → 2009), or of ASCII/full-width digits. Returns null for anything else.
 */
export function parseChineseNumber(input: string): number | null {
  const s = toHalfWidthDigits(input.trim());
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (!chars.every((c) => c in DIGITS || c in UNITS)) return null;
  if (!chars.some((c) => c in UNITS)) {
    // Digit by digit: 二〇〇九
    return Number(chars.map((c) => String(DIGITS[c])).join(''));
  }
  let total = 0;
  let current = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const c of chars) {
    const d = DIGITS[c];
    if (d !== undefined) {
      current = d;
      continue;
    }
    const unit = UNITS[c] as number;
    if (unit >= lastUnit) return null;
    total += (current === 0 && unit === 10 && total === 0 ? 1 : current) * unit;
    current = 0;
    lastUnit = unit;
  }
  return total + current;
}

/** Replaces full-width digits ０-９ with ASCII digits. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parses a count written either way: "7", "７", "七", "十三". */
export function parseCount(input: string): number | null {
  return parseChineseNumber(input);
}
