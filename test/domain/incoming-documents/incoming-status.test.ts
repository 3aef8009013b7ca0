import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, defaultCalendarData } from '../../../src/domain/calendar/index.ts';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import {
  INCOMING_DOCUMENT_STATUSES,
  awaitsReply,
  incomingDeadline,
  nextIncomingStatus,
  stepRefusal,
} from '../../../src/domain/incoming-documents/incoming-status.ts';
import type { IncomingStep } from '../../../src/domain/incoming-documents/incoming-status.ts';
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

describe('the status of an incoming document', () => {
  it('goes registered → assigned → replied → closed, and a reply may be sent back', () => {
    expect(nextIncomingStatus('registered', 'assign')).toBe('assigned');
    expect(nextIncomingStatus('assigned', 'reply')).toBe('replied');
    expect(nextIncomingStatus('replied', 'close')).toBe('closed');
    expect(nextIncomingStatus('replied', 'send_back')).toBe('assigned');
  });

  it('refuses every other step with a Chinese reason', () => {
    const steps: IncomingStep[] = ['assign', 'reply', 'close', 'send_back'];
    const allowed = new Set(['registered:assign', 'assigned:reply', 'replied:close', 'replied:send_back']);
    for (const status of INCOMING_DOCUMENT_STATUSES) {
      for (const step of steps) {
        if (allowed.has(`${status}:${step}`)) continue;
        expect(nextIncomingStatus(status, step), `${status} ${step}`).toBeNull();
        expect(stepRefusal(status, step)).toMatch(/收文/);
      }
    }
    expect(stepRefusal('closed', 'close')).toBe('收文已办结，不能再次办结');
  });

  it('is owed a reply only while assigned', () => {
    expect(INCOMING_DOCUMENT_STATUSES.filter(awaitsReply)).toEqual(['assigned']);
  });
});

describe('the deadline of an incoming document', () => {
  const charter = charterOf('004');
  const base = { calendar: national, charter, assignedOn: '2021-03-16', sunsetDate: null };

  it('takes the charter’s 7 working days, 10 when co-handled (seed 004, 第十六条)', () => {
    expect(incomingDeadline({ ...base, deadline: { kind: 'charter_default' }, coHandled: false })).toMatchObject({
      ok: true,
      deadline: { deadline: '2021-03-25', basis: { kind: 'charter_default', days: 7, coHandled: false, clause: '第十六条' } },
    });
    expect(incomingDeadline({ ...base, deadline: { kind: 'charter_default' }, coHandled: true })).toMatchObject({
      ok: true,
      deadline: { deadline: '2021-03-30', basis: { kind: 'charter_default', days: 10, coHandled: true, clause: '第十六条' } },
    });
  });

  it('refuses a deadline after the sunset date, and a date before the assignment naming the 批办日期', () => {
    expect(incomingDeadline({ ...base, sunsetDate: '2021-03-29', deadline: { kind: 'charter_default' }, coHandled: true })).toMatchObject({
      ok: false,
      refusal: { code: 'incoming_deadline_after_sunset', field: 'deadline' },
    });
    expect(incomingDeadline({ ...base, sunsetDate: '2021-03-30', deadline: { kind: 'charter_default' }, coHandled: true }).ok).toBe(true);
    const early = incomingDeadline({ ...base, deadline: { kind: 'date', date: '2021-03-15' }, coHandled: false });
    expect(early).toMatchObject({ ok: false, refusal: { code: 'deadline_before_issue' } });
    expect(early.ok ? '' : early.refusal.message).toContain('批办日期');
  });

  it('refuses the charter default when the charter states no handling deadline', () => {
    expect(incomingDeadline({ ...base, charter: { ...charter, rules: [] }, deadline: { kind: 'charter_default' }, coHandled: false })).toMatchObject({
      ok: false,
      refusal: { code: 'no_handling_deadline_rule' },
    });
  });
});
