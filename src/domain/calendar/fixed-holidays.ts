/**
 * The statutory holidays fixed by calendar date in 《全国年节及纪念日放假办法》 (State Council; the
 * 2024 revision in force from 1 January 2025): 元旦 1 January, 劳动节 1–2 May (1 May only before
 * 2025), 国庆节 1–3 October. They are holidays every year, known before the State Council's yearly
 * notice (国务院办公厅关于部分节假日安排的通知), which adds only the bridges and the make-up working
 * days (调休). The lunar ones (春节, 端午, 中秋) and 清明 (a solar term) are not fixed by date and are
 * not here. Pure.
 */
import type { IsoDate } from './iso-date.ts';

/** The year the revised 放假办法 (劳动节 two days) took effect. */
const LABOUR_DAY_TWO_DAYS_SINCE = 2025;

/** The fixed-date statutory holidays of `year` with their festival names. */
export function fixedStatutoryHolidays(year: number): Record<IsoDate, string> {
  const y = String(year).padStart(4, '0');
  const days: Record<IsoDate, string> = { [`${y}-01-01`]: '元旦', [`${y}-05-01`]: '劳动节' };
  if (year >= LABOUR_DAY_TWO_DAYS_SINCE) days[`${y}-05-02`] = '劳动节';
  for (const d of ['01', '02', '03']) days[`${y}-10-${d}`] = '国庆节';
  return days;
}
