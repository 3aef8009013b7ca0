/** How official documents write numbers, dates and times (GB/T 9704-2012 7.3.5: 2024年3月5日). Pure. */

import { SHANGHAI_OFFSET_MS } from '../domain/time/shanghai-date.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (for section labels and 第N次). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n === 10 ? '' : (DIGITS[n - 10] ?? '')}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (DIGITS[n % 10] ?? '')}`;
  if (n < 1000) {
    const rest = n % 100;
    const head = `${DIGITS[Math.floor(n / 100)] ?? ''}百`;
    if (rest === 0) return head;
    return rest < 10 ? `${head}零${DIGITS[rest] ?? ''}` : `${head}${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
  }
  const rest = n % 1000;
  const head = `${DIGITS[Math.floor(n / 1000)] ?? ''}千`;
  if (rest === 0) return head;
  return rest < 100 ? `${head}零${chineseNumeral(rest)}` : `${head}${chineseNumeral(rest)}`;
}

/** 2024-03-05 → 2024年3月5日 (years in full, no leading zeros). */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (m === null) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The wall-clock reading of an instant in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export interface ShanghaiDateTime {
  /** ISO date */
  date: string;
  hour: number;
  minute: number;
  /** 星期二 */
  weekday: string;
}


export function toShanghai(instant: Date): ShanghaiDateTime {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const date = shifted.toISOString().slice(0, 10);
  return {
    date,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: `星期${WEEKDAYS[shifted.getUTCDay()] ?? ''}`,
  };
}

/** 9:30 → 上午9:30, 14:00 → 下午14:00 (the 24-hour reading with the part of the day, as notices write it). */
export function formatChineseTime(instant: Date): string {
  const t = toShanghai(instant);
  const part = t.hour < 12 ? '上午' : t.hour < 18 ? '下午' : '晚上';
  return `${part}${t.hour}:${String(t.minute).padStart(2, '0')}`;
}

/** 2024年3月5日（星期二）上午9:30 */
export function formatChineseDateTime(instant: Date): string {
  const t = toShanghai(instant);
  return `${formatChineseDate(t.date)}（${t.weekday}）${formatChineseTime(instant)}`;
}

/** 剩余3个工作日 / 今日到期 / 已逾期2个工作日 */
export function formatWorkingDaysLeft(days: number | null): string {
  if (days === null) return '';
  if (days > 0) return `剩余${days}个工作日`;
  if (days === 0) return '今日到期';
  return `已逾期${-days}个工作日`;
}
