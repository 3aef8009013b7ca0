/**
 * Section numbering labels at the start of a line: 一、 （一） 1. 1、 （1） 第十三条. Pure.
 */
import { parseChineseNumber } from './chinese-numerals.ts';

export type LabelNumbering = 'chinese' | 'paren_chinese' | 'arabic' | 'paren_arabic' | 'article';

export interface SectionLabel {
  /** The label as written, e.g. 一、 （一） 1. 第十三条 */
  label: string;
  numbering: LabelNumbering;
  ordinal: number;
}

const CN = '[一二三四五六七八九十百零〇两]';
const PATTERNS: Array<{ re: RegExp; numbering: LabelNumbering }> = [
  { re: new RegExp(`^第(${CN}{1,5}|\\d{1,3})条[\\s\\u3000]*`, 'u'), numbering: 'article' },
  { re: new RegExp(`^(${CN}{1,4})[、．.][\\s\\u3000]*`, 'u'), numbering: 'chinese' },
  { re: new RegExp(`^[（(](${CN}{1,4})[）)][、．.]?[\\s\\u3000]*`, 'u'), numbering: 'paren_chinese' },
  { re: /^(\d{1,2})(?:[、．]|\.(?!\d))[\s\u3000]*/u, numbering: 'arabic' },
  { re: /^[（(](\d{1,2})[）)][、．.]?[\s\u3000]*/u, numbering: 'paren_arabic' },
];

/** The numbering label a line starts with, or null. */
export function parseSectionLabel(line: string): SectionLabel | null {
  for (const { re, numbering } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const ordinal = parseChineseNumber(m[1] ?? '');
    if (ordinal === null || ordinal < 1) continue;
    return { label: m[0].replace(/[\s\u3000]+$/u, ''), numbering, ordinal };
  }
  return null;
}

/** Whether the line starts with a numbering label. */
export function startsWithSectionLabel(line: string): boolean {
  return parseSectionLabel(line) !== null;
}

