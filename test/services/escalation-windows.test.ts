/**
 * Issue 16: the set-based escalation sweep turns the working days of a body's calendar into plain
 * deadline dates (`ladderWindows`) and lets the database pick the items by those dates. The dates
 * must put every deadline on exactly the rung `standingOf` gives it, across weekends, the national
 * holidays and make-up working days, and a region's own holidays (广西 三月三), for several ladders.
 */
import { describe, expect, it } from 'vitest';
import { addDays, createWorkingDayCalendar, datesBetween, defaultCalendarData } from '../../src/domain/calendar/index.ts';
import type { EscalationRung, EscalationSettings } from '../../src/domain/decisions/escalation-ladder.ts';
import type { DecisionView } from '../../src/repositories/decision-repository.ts';
import { bindBodyCalendar } from '../../src/services/calendar/region-calendar.ts';
import { ladderWindows, standingOf } from '../../src/services/supervision/escalation-standing.ts';
import type { LadderWindows } from '../../src/services/supervision/escalation-standing.ts';

const calendar = createWorkingDayCalendar(defaultCalendarData());

/** The rung the sweep's read gives a deadline (the CASE of listEscalationCandidates); none when it is not read. */
function rungByWindows(deadline: string, w: LadderWindows): EscalationRung {
  if (deadline > w.beforeUntil) return 'none';
  if (deadline > w.today) return 'before';
  if (deadline === w.today) return 'due';
  if (deadline >= w.overdueFrom) return 'overdue';
  if (deadline >= w.memberFrom) return 'overdue_member';
  return 'overdue_convener';
}

function view(deadline: string): DecisionView {
  const at = new Date('2025-01-01T00:00:00Z');
  return {
    id: 'd',
    bodyId: 'b',
    meetingId: 'm',
    minutesId: 'n',
    itemNo: 1,
    text: '事项',
    leadUnitId: 'u',
    leadUnitName: '单位',
    coUnits: [],
    issuedOn: '2024-01-01',
    status: 'assigned',
    deadline,
    deadlineProvisional: false,
    deadlineReasons: [],
    completionReportedAt: null,
    closedAt: null,
    closedBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

const LADDERS: EscalationSettings[] = [
  { reminderDaysBefore: 3, memberAfterDays: 5, convenerAfterDays: 10 },
  { reminderDaysBefore: 1, memberAfterDays: 1, convenerAfterDays: 2 },
  { reminderDaysBefore: 10, memberAfterDays: 2, convenerAfterDays: 3 },
];

describe('escalation windows (the sweep read by dates)', () => {
  for (const region of [null, '450100']) {
    it(`put every deadline on the rung standingOf gives it (${region ?? 'national'} calendar)`, () => {
      const bound = bindBodyCalendar(calendar, region);
      // Every day of 2025 as today: 春节, 三月三 (广西), 清明, 劳动节, 国庆中秋 with their make-up days
      for (const today of datesBetween('2025-01-01', '2025-12-31')) {
        for (const settings of LADDERS) {
          const windows = ladderWindows(today, bound, settings);
          for (const deadline of datesBetween(addDays(today, -30), addDays(today, 30))) {
            const expected = standingOf(view(deadline), today, bound, settings).rung;
            expect(rungByWindows(deadline, windows), `${today} ${deadline} ${JSON.stringify(settings)}`).toBe(expected);
          }
        }
      }
    });
  }

  it('counts working days, not calendar days, across a holiday', () => {
    const national = bindBodyCalendar(calendar, null);
    const settings = LADDERS[0] as EscalationSettings;
    // Friday 2025-09-26, 3 working days ahead: Sat 27 (make-up day), Mon 29, Tue 30; then the holiday to 8 October
    expect(ladderWindows('2025-09-26', national, settings).beforeUntil).toBe('2025-10-08');
    // Thursday 2025-10-09, the first working day after it: a deadline of Friday 26 September is 4
    // working days overdue (27th a Saturday, 28th a make-up day, 29th, 30th, 9 October), the 25th 5
    // (raised to the member), the 18th 10 (to the convener)
    const after = ladderWindows('2025-10-09', national, settings);
    expect(after.overdueFrom).toBe('2025-09-26');
    expect(after.memberFrom).toBe('2025-09-19');
  });
});
