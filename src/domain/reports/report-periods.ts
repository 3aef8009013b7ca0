/**
 * Reporting periods (月 / 季度 / 半年 / 年): a period is named by a key — `2021-03` (a month),
 * `2021-Q1` (a quarter), `2021-H1` (a half year), `2021` (a year) — and spans whole calendar months
 * in China Standard Time dates. Pure.
 */
import type { PeriodMonths } from './report-types.ts';

export interface ReportPeriod {
  key: string;
  months: PeriodMonths;
  /** First day (ISO date) */
  start: string;
  /** Last day (ISO date) */
  end: string;
  /** How a person reads it: 2021年3月, 2021年第一季度 … */
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of `months` months that holds the ISO date `date`. */
export function periodOf(date: string, months: PeriodMonths): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = Math.floor((month - 1) / months);
  return periodAt(year, index, months);
}

/** The `index`-th period (from 0) of `months` months in `year`. */
export function periodAt(year: number, index: number, months: PeriodMonths): ReportPeriod {
  const firstMonth = index * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = `${year}-${pad(firstMonth)}-01`;
  const end = `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`;
  switch (months) {
    case 1:
      return { key: `${year}-${pad(firstMonth)}`, months, start, end, label: `${year}年${firstMonth}月` };
    case 3:
      return { key: `${year}-Q${index + 1}`, months, start, end, label: `${year}年第${QUARTER_NAMES[index] ?? ''}季度` };
    case 6:
      return { key: `${year}-H${index + 1}`, months, start, end, label: `${year}年${index === 0 ? '上' : '下'}半年` };
    case 12:
      return { key: `${year}`, months, start, end, label: `${year}年` };
  }
}

/** Parses a period key for periods of `months` months; null when the key is not one. */
export function parsePeriodKey(key: string, months: PeriodMonths): ReportPeriod | null {
  const patterns: Record<PeriodMonths, RegExp> = { 1: /^(\d{4})-(\d{2})$/, 3: /^(\d{4})-Q([1-4])$/, 6: /^(\d{4})-H([12])$/, 12: /^(\d{4})$/ };
  const match = patterns[months].exec(key);
  if (match === null) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2200) return null;
  if (months === 12) return periodAt(year, 0, 12);
  const n = Number(match[2]);
  if (months === 1 && (n < 1 || n > 12)) return null;
  return periodAt(year, n - 1, months);
}

/** The period before `period`. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const year = Number(period.start.slice(0, 4));
  const index = (Number(period.start.slice(5, 7)) - 1) / period.months;
  return index === 0 ? periodAt(year - 1, 12 / period.months - 1, period.months) : periodAt(year, index - 1, period.months);
}

/** The months (`YYYY-MM`) of the twelve months ending with the month of `date`, oldest first. */
export function twelveMonthsTo(date: string): string[] {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const out: string[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const m = month - i;
    const y = m <= 0 ? year - 1 : year;
    out.push(`${y}-${pad(m <= 0 ? m + 12 : m)}`);
  }
  return out;
}

/** Whole calendar days from `from` to `to` (ISO dates; negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
