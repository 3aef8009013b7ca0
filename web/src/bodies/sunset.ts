/** Days until a body's sunset (自行撤销), counted in calendar days from `today`. Pure. */

export type SunsetCountdown =
  | { kind: 'none' }
  | { kind: 'future'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** `sunsetDate` and `today` are ISO dates (YYYY-MM-DD); null or unreadable means no sunset date. */
export function sunsetCountdown(sunsetDate: string | null, today: string): SunsetCountdown {
  if (sunsetDate === null) return { kind: 'none' };
  const end = dayNumber(sunsetDate);
  const now = dayNumber(today);
  if (end === null || now === null) return { kind: 'none' };
  const days = end - now;
  if (days > 0) return { kind: 'future', days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'overdue', days: -days };
}
