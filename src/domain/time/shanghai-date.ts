/**
 * The calendar date in China (Asia/Shanghai) of an instant: the one place that answers "what day is
 * it there". Asia/Shanghai has had no daylight saving time since 1991, so it is UTC+8 all year; the
 * answer does not depend on the process's time zone. Pure: the instant is passed in, never read.
 */

const MS_PER_HOUR = 3_600_000;
/** Asia/Shanghai: UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * MS_PER_HOUR;

/** The ISO date (`YYYY-MM-DD`) in Asia/Shanghai at `instant`. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
