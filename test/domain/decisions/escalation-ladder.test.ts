import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONVENER_AFTER_DAYS,
  DEFAULT_MEMBER_AFTER_DAYS,
  ESCALATION_RUNGS,
  countByRung,
  currentRung,
  ladderProblem,
  listedInCircular,
  rungAudience,
  rungLevel,
} from '../../../src/domain/decisions/escalation-ladder.ts';
import type { EscalationSettings } from '../../../src/domain/decisions/escalation-ladder.ts';
import { deadlineStanding } from '../../../src/domain/decisions/decision-status.ts';

const defaults: EscalationSettings = { reminderDaysBefore: 3, memberAfterDays: DEFAULT_MEMBER_AFTER_DAYS, convenerAfterDays: DEFAULT_CONVENER_AFTER_DAYS };

/** The rung on `today` for a deadline, with `between` = workingDaysBetween(today, deadline). */
function rungOn(today: string, deadline: string, between: number, settings: EscalationSettings = defaults) {
  return currentRung({ today, deadline, ...deadlineStanding(today, deadline, between) }, settings);
}

describe('escalation ladder', () => {
  it('defaults to 5 and 10 working days overdue', () => {
    expect(DEFAULT_MEMBER_AFTER_DAYS).toBe(5);
    expect(DEFAULT_CONVENER_AFTER_DAYS).toBe(10);
  });

  it('stands on no rung before the reminder lead time', () => {
    expect(rungOn('2025-09-01', '2025-09-10', 7)).toBe('none');
    expect(rungOn('2025-09-04', '2025-09-10', 4)).toBe('none');
  });

  it('reminds N working days before, on the day, and when overdue', () => {
    expect(rungOn('2025-09-05', '2025-09-10', 3)).toBe('before');
    expect(rungOn('2025-09-09', '2025-09-10', 1)).toBe('before');
    expect(rungOn('2025-09-10', '2025-09-10', 0)).toBe('due');
    expect(rungOn('2025-09-11', '2025-09-10', -1)).toBe('overdue');
    expect(rungOn('2025-09-16', '2025-09-10', -4)).toBe('overdue');
  });

  it('raises to the member after N working days overdue, to the convener after M', () => {
    expect(rungOn('2025-09-17', '2025-09-10', -5)).toBe('overdue_member');
    expect(rungOn('2025-09-23', '2025-09-10', -9)).toBe('overdue_member');
    expect(rungOn('2025-09-24', '2025-09-10', -10)).toBe('overdue_convener');
    // 23 working days overdue stays on the top rung
    expect(rungOn('2025-10-20', '2025-09-10', -23)).toBe('overdue_convener');
  });

  it('follows the body’s own ladder', () => {
    const own: EscalationSettings = { reminderDaysBefore: 1, memberAfterDays: 2, convenerAfterDays: 3 };
    expect(rungOn('2025-09-08', '2025-09-10', 2, own)).toBe('none');
    expect(rungOn('2025-09-09', '2025-09-10', 1, own)).toBe('before');
    expect(rungOn('2025-09-12', '2025-09-10', -2, own)).toBe('overdue_member');
    expect(rungOn('2025-09-15', '2025-09-10', -3, own)).toBe('overdue_convener');
  });

  it('a weekend right after the deadline is already overdue (at least one working day)', () => {
    // Deadline Friday, today Saturday: no working day between, still overdue
    expect(rungOn('2025-09-13', '2025-09-12', 0)).toBe('overdue');
  });

  it('climbs monotonically as the days pass', () => {
    const levels: number[] = [];
    for (let between = 8; between >= -15; between -= 1) {
      const today = between > 0 ? '2025-09-01' : between === 0 ? '2025-09-20' : '2025-09-30';
      levels.push(rungLevel(rungOn(today, '2025-09-20', between)));
    }
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]).toBeGreaterThanOrEqual(levels[i - 1] ?? 0);
    expect(levels.at(-1)).toBe(rungLevel('overdue_convener'));
  });

  it('widens the audience rung by rung: the member from the fourth, the convener only at the top', () => {
    expect(rungAudience('before')).toMatchObject({ leadLiaison: true, leadMember: false, office: false, conveners: false });
    expect(rungAudience('due')).toMatchObject({ leadLiaison: true, office: false });
    expect(rungAudience('overdue')).toMatchObject({ leadLiaison: true, leadMember: false, office: true, conveners: false });
    expect(rungAudience('overdue_member')).toMatchObject({ leadMember: true, office: true, conveners: false });
    expect(rungAudience('overdue_convener')).toMatchObject({ leadMember: true, office: true, conveners: true });
    expect(ESCALATION_RUNGS.filter(listedInCircular)).toEqual(['overdue_convener']);
  });

  it('refuses a ladder that cannot be climbed in order', () => {
    expect(ladderProblem(defaults)).toBeNull();
    expect(ladderProblem({ ...defaults, convenerAfterDays: 5 })?.field).toBe('convenerAfterDays');
    expect(ladderProblem({ ...defaults, memberAfterDays: 0 })?.field).toBe('memberAfterDays');
    expect(ladderProblem({ ...defaults, reminderDaysBefore: 1.5 })?.field).toBe('reminderDaysBefore');
  });

  it('counts items by rung, every rung present', () => {
    expect(countByRung(['overdue', 'overdue', 'none'])).toEqual({ none: 1, before: 0, due: 0, overdue: 2, overdue_member: 0, overdue_convener: 0 });
  });
});
