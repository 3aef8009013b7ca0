/**
 * Dates as Chinese documents write them: 2021年2月1日, 二〇〇九年五月十一日 (with 〇, ○, О or O for
 * zero), 2009.05.11, 2019-08-27, 2020-03-02 10:14, and the month- and year-end forms 2026年12月底 /
 * 2026年底 used for deadlines and sunsets. Pure.
 */
import { parseChineseNumber } from './chinese-numerals.ts';

export type DatePrecision = 'day' | 'month_end' | 'year_end' | 'month';

export interface DateMention {
  /** ISO date, YYYY-MM-DD (month and year forms resolve to their last day) */
  iso: string;
  precision: DatePrecision;
  /** UTF-16 offsets: `text.slice(start, end)` is the date as written */
  start: number;
  end: number;
}

const ZERO = '〇○ОOoＯ零0０';
const CN_DIGIT = `${ZERO}一二三四五六七八九`;
const CN_SMALL = '一二两三四五六七八九十';
const YEAR_CN = `[${CN_DIGIT}]{4}`;
const YEAR_AR = '(?:19|20)\\d{2}';
const YEAR_OPENING = new RegExp(`^[12${CN_DIGIT}]`, 'u');

const PATTERNS: Array<{ re: RegExp; precision: DatePrecision }> = [
  // 2021年2月1日 / 二〇〇九年五月十一日 / 2021年2月1号
  {
    re: new RegExp(
      `(${YEAR_AR}|${YEAR_CN})\\s*年\\s*(\\d{1,2}|[${CN_SMALL}]{1,2})\\s*月\\s*(\\d{1,2}|[${CN_SMALL}]{1,3})\\s*[日号]`,
      'gu',
    ),
    precision: 'day',
  },
  // 2026年12月底 / 2026年12月末
  {
    re: new RegExp(`(${YEAR_AR}|${YEAR_CN})\\s*年\\s*(\\d{1,2}|[${CN_SMALL}]{1,2})\\s*月(?:底|末|份?前)`, 'gu'),
    precision: 'month_end',
  },
  // 2026年底 / 2026年末
  { re: new RegExp(`(${YEAR_AR}|${YEAR_CN})\\s*年(?:底|末)`, 'gu'), precision: 'year_end' },
  // 2009.05.11 / 2019-08-27 / 2019/08/27 (optionally followed by a time, which is not part of the date)
  { re: /(?<![\d.])((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})(?![\d.])/gu, precision: 'day' },
  // 2026年12月 (no day)
  {
    re: new RegExp(`(${YEAR_AR}|${YEAR_CN})\\s*年\\s*(\\d{1,2}|[${CN_SMALL}]{1,2})\\s*月(?![\\s\\d${CN_SMALL}底末])`, 'gu'),
    precision: 'month',
  },
];

function parseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  const digits = [...s].map((c) => (ZERO.includes(c) ? '〇' : c)).join('');
  const n = parseChineseNumber(digits);
  return n !== null && n >= 1900 && n <= 2199 ? n : null;
}

function parseSmall(s: string): number | null {
  return parseChineseNumber(s.replace(/两/g, '二'));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date of year/month/day, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function resolve(precision: DatePrecision, groups: string[]): string | null {
  const year = parseYear(groups[0] ?? '');
  if (year === null) return null;
  if (precision === 'year_end') return isoDate(year, 12, 31);
  const month = parseSmall(groups[1] ?? '');
  if (month === null || month < 1 || month > 12) return null;
  if (precision === 'month_end' || precision === 'month') return isoDate(year, month, daysInMonth(year, month));
  const day = parseSmall(groups[2] ?? '');
  if (day === null) return null;
  return isoDate(year, month, day);
}

/** Every date in the text, in text order; overlapping forms keep the longest (earliest pattern) match. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, precision } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const iso = resolve(precision, m.slice(1));
      if (iso === null) continue;
      found.push({ iso, precision, start, end });
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The ISO date of a string that is (or begins with) one date, or null. */
export function parseChineseDate(s: string): string | null {
  const trimmed = s.trim();
  // A date opens with its year: 19xx / 20xx or four Chinese digits
  if (!YEAR_OPENING.test(trimmed)) return null;
  const first = findDates(trimmed)[0];
  return first !== undefined && first.start === 0 ? first.iso : null;
}

/** Whether the whole string (trimmed; an optional time of day after it) is one date. */
export function isDateLine(s: string): boolean {
  const trimmed = s.trim();
  // A date opens with its year: 19xx / 20xx or four Chinese digits
  if (!YEAR_OPENING.test(trimmed)) return false;
  const first = findDates(trimmed)[0];
  if (first === undefined || first.start !== 0 || first.precision !== 'day') return false;
  const rest = trimmed.slice(first.end).trim();
  return rest === '' || /^\d{1,2}:\d{2}(?::\d{2})?$/.test(rest);
}
