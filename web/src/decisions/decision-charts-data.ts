/**
 * The data of the decision charts, computed from the decision list the API answers: open and
 * overdue decisions per lead unit, and decisions assigned and closed per month. Pure.
 */

export interface ChartFacts {
  status: string;
  overdue: boolean;
  leadUnit: { unitId: string; name: string };
  issuedOn: string;
  closedAt: string | null;
}

export interface UnitBar {
  unitId: string;
  name: string;
  open: number;
  overdue: number;
}

/** Open and overdue decisions per lead unit, most overdue first (then most open, then name). */
export function overdueByUnit(items: readonly ChartFacts[]): UnitBar[] {
  const byUnit = new Map<string, UnitBar>();
  for (const item of items) {
    if (item.status === 'closed') continue;
    const bar = byUnit.get(item.leadUnit.unitId) ?? { unitId: item.leadUnit.unitId, name: item.leadUnit.name, open: 0, overdue: 0 };
    bar.open += 1;
    if (item.overdue) bar.overdue += 1;
    byUnit.set(item.leadUnit.unitId, bar);
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'));
}

export interface MonthPoint {
  /** YYYY-MM */
  month: string;
  assigned: number;
  closed: number;
}

/** `closedAt` is an instant; its month is taken in China (UTC+8, no daylight saving). */
function monthOfInstant(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant.slice(0, 7);
  return new Date(time + 8 * 60 * 60 * 1000).toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Decisions assigned (by issue date) and closed per month, every month from the first to the last, gaps filled with 0. */
export function completionOverTime(items: readonly ChartFacts[]): MonthPoint[] {
  const assigned = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const item of items) {
    const month = item.issuedOn.slice(0, 7);
    assigned.set(month, (assigned.get(month) ?? 0) + 1);
    if (item.closedAt !== null) {
      const closedMonth = monthOfInstant(item.closedAt);
      closed.set(closedMonth, (closed.get(closedMonth) ?? 0) + 1);
    }
  }
  const months = [...new Set([...assigned.keys(), ...closed.keys()])].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const points: MonthPoint[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    points.push({ month, assigned: assigned.get(month) ?? 0, closed: closed.get(month) ?? 0 });
  }
  return points;
}
