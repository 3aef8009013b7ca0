/**
 * Document numbers (发文字号 / 文号): 某办函〔2020〕1号. Offices write the year bracket as 〔〕,
 * [], 【】, （）, ［］, (), ﹝﹞ or 〈〉; the normalised form uses 〔〕. Pure.
 */
import type { DocNumberParts } from '../charter/charter-types.ts';

const OPEN = '〔[［【（(﹝〈';
const CLOSE = '〕]］】）)﹞〉';

/**
 * A document number: issuer code (1–12 CJK characters), bracketed year, serial, 号. The issuer code
 * may contain a letter or digit only after its first character (e.g. 国发明电).
 */
const DOC_NUMBER = new RegExp(
  `([\\u4e00-\\u9fff][\\u4e00-\\u9fffA-Za-z]{0,11})\\s*[${escape(OPEN)}]\\s*((?:19|20)\\d{2})\\s*[${escape(CLOSE)}]\\s*第?\\s*(\\d{1,5})\\s*号`,
  'gu',
);

/** The bracketed year and what follows it; the issuer code is then read backwards from it. */
const YEAR_AND_SERIAL = new RegExp(
  `[${escape(OPEN)}]\\s*((?:19|20)\\d{2})\\s*[${escape(CLOSE)}]\\s*第?\\s*(\\d{1,5})\\s*号`,
  'gu',
);
const CODE_CHAR = /[\u4e00-\u9fffA-Za-z]/u;
const CJK_CHAR = /[\u4e00-\u9fff]/u;

/**
 * Every match of `DOC_NUMBER`, found from the year brackets (cheap to find) rather than by trying
 * the issuer code at every character: the same matches, leftmost issuer code first.
 */
function scanDocNumbers(text: string): RegExpMatchArray[] {
  const out: RegExpMatchArray[] = [];
  let floor = 0;
  YEAR_AND_SERIAL.lastIndex = 0;
  for (let m = YEAR_AND_SERIAL.exec(text); m !== null; m = YEAR_AND_SERIAL.exec(text)) {
    // Spaces between the issuer code and the bracket (a leading \s* in the pattern would make a long
    // run of spaces quadratic): a few are looked back over here
    let codeEnd = m.index;
    while (codeEnd > floor && m.index - codeEnd < 8 && /\s/u.test(text[codeEnd - 1] ?? '')) codeEnd--;
    let start = codeEnd;
    while (start > floor && codeEnd - start < 12 && CODE_CHAR.test(text[start - 1] ?? '')) start--;
    while (start < codeEnd && !CJK_CHAR.test(text[start] ?? '')) start++;
    if (start === codeEnd) {
      // Whitespace before the bracket belongs to the match only after a code
      continue;
    }
    const whole = text.slice(start, m.index + m[0].length);
    const match = DOC_NUMBER_ANCHORED.exec(whole);
    if (match === null) continue;
    const found = Object.assign([...match], { index: start, input: text }) as unknown as RegExpMatchArray;
    out.push(found);
    floor = m.index + m[0].length;
  }
  return out;
}

function escape(chars: string): string {
  return chars.replace(/[\]\\[()^-]/g, (c) => `\\${c}`);
}

const DOC_NUMBER_ANCHORED = new RegExp(`^(?:${DOC_NUMBER.source})$`, 'u');

export interface DocNumberMatch {
  /** Normalised text, e.g. 某政办〔2020〕1号 */
  text: string;
  parts: DocNumberParts;
  /** Offsets of the number as written in the searched text */
  start: number;
  end: number;
}

function toMatch(m: RegExpMatchArray): DocNumberMatch | null {
  const issuerCode = m[1] ?? '';
  const year = Number(m[2]);
  const serial = Number(m[3]);
  if (issuerCode === '' || !Number.isFinite(year) || !Number.isFinite(serial)) return null;
  const start = m.index ?? 0;
  return { text: `${issuerCode}〔${year}〕${serial}号`, parts: { issuerCode, year, serial }, start, end: start + m[0].length };
}

/** Every document number in the text, in order. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of scanDocNumbers(text)) {
    const match = toMatch(m);
    if (match) out.push(match);
  }
  return out;
}

/** Parses a string that is exactly one document number (surrounding brackets and spaces allowed). */
export function parseDocNumber(s: string): DocNumberMatch | null {
  const trimmed = s.trim().replace(/^[（(［[【〔]\s*/, '').replace(/\s*[）)］\]】〕]$/, '');
  const all = findDocNumbers(trimmed);
  const first = all[0];
  if (all.length !== 1 || first === undefined || first.start !== 0 || first.end !== trimmed.length) return null;
  return first;
}

/** Normalises a document number's year brackets to 〔〕: 某政办[2020]1号 → 某政办〔2020〕1号. */
export function normalizeDocNumber(s: string): string {
  const parsed = parseDocNumber(s);
  return parsed ? parsed.text : s.trim();
}

/**
 * Positions of the year-bracket characters of every document number in the text whose brackets are
 * not 〔〕, for a length-preserving rewrite: each entry is `[offset, replacement]`.
 */
export function docNumberBracketFixes(text: string): Array<[number, string]> {
  const fixes: Array<[number, string]> = [];
  for (const m of scanDocNumbers(text)) {
    const start = m.index ?? 0;
    const whole = m[0] ?? '';
    const open = whole.search(new RegExp(`[${escape(OPEN)}]`, 'u'));
    const afterOpen = whole.slice(open + 1);
    const close = open + 1 + afterOpen.search(new RegExp(`[${escape(CLOSE)}]`, 'u'));
    if (whole[open] !== '〔') fixes.push([start + open, '〔']);
    if (whole[close] !== '〕') fixes.push([start + close, '〕']);
  }
  return fixes;
}
