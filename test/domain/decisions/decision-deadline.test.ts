import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, defaultCalendarData } from '../../../src/domain/calendar/index.ts';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { computeDeadline } from '../../../src/domain/decisions/decision-deadline.ts';
import type { DeadlineResult } from '../../../src/domain/decisions/decision-deadline.ts';
import { seed } from '../charter/seed-files.ts';

const calendar = createWorkingDayCalendar(defaultCalendarData());
const national = {
  isWorkingDay: (date: string) => calendar.isWorkingDay(date),
  addWorkingDays: (start: string, n: number) => calendar.addWorkingDays(start, n),
};

function charterOf(prefix: string): Charter {
  const result = importCharter(seed(prefix));
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

function ok(result: DeadlineResult): Extract<DeadlineResult, { ok: true }>['deadline'] {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.deadline;
}

describe('the deadline of a decided item', () => {
  const silent: Charter = { ...charterOf('004'), rules: [] };
  const base = { calendar: national, issuedOn: '2026-09-28', coHandled: false, field: 'items.0.deadline' };

  it('takes a date on or after the issue date, refusing an earlier or unreal one with the field', () => {
    expect(ok(computeDeadline({ ...base, charter: silent, deadline: { kind: 'date', date: '2026-10-30' } }))).toMatchObject({
      deadline: '2026-10-30',
      basis: { kind: 'date' },
    });
    expect(computeDeadline({ ...base, charter: silent, deadline: { kind: 'date', date: '2026-09-27' } })).toMatchObject({
      ok: false,
      refusal: { code: 'deadline_before_issue', field: 'items.0.deadline.date' },
    });
    expect(computeDeadline({ ...base, charter: silent, deadline: { kind: 'date', date: '2026-02-30' } })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_date' },
    });
  });

  it('counts working days on the calendar (over the National Day holiday), 1 to 1000 only', () => {
    // 2026-09-28 (Mon) + 5 working days: 10-01…10-07 are the National Day holiday
    const five = ok(computeDeadline({ ...base, charter: silent, deadline: { kind: 'working_days', days: 5 } }));
    expect(five.deadline).toBe(calendar.addWorkingDays('2026-09-28', 5).result);
    expect(five.deadline > '2026-10-07').toBe(true);
    expect(five.basis).toEqual({ kind: 'working_days', days: 5 });
    for (const days of [0, 1001, 2.5]) {
      expect(computeDeadline({ ...base, charter: silent, deadline: { kind: 'working_days', days } })).toMatchObject({
        ok: false,
        refusal: { code: 'invalid_working_days', field: 'items.0.deadline.days' },
      });
    }
  });

  it("takes the charter's handling deadline (its co-handled days with co-handling units), refused when it has none", () => {
    const charter = charterOf('004');
    const alone = ok(computeDeadline({ ...base, charter, deadline: { kind: 'charter_default' } }));
    const together = ok(computeDeadline({ ...base, charter, coHandled: true, deadline: { kind: 'charter_default' } }));
    expect(alone.basis).toMatchObject({ kind: 'charter_default', days: 7, coHandled: false });
    expect(together.basis).toMatchObject({ kind: 'charter_default', days: 10, coHandled: true });
    expect(alone.deadline).toBe(calendar.addWorkingDays('2026-09-28', 7).result);
    expect(computeDeadline({ ...base, charter: silent, deadline: { kind: 'charter_default' } })).toMatchObject({
      ok: false,
      refusal: { code: 'no_handling_deadline_rule', field: 'items.0.deadline' },
    });
  });
});
