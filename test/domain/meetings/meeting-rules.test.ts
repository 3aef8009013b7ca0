import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { attendanceLists, meetingFindings } from '../../../src/domain/meetings/meeting-findings.ts';
import {
  agendaApprovalRule,
  allowedRole,
  charterKindName,
  clauseOf,
  mandatoryAttendanceRule,
  minutesSignoffRule,
  observerApprovalRule,
  presiderRule,
} from '../../../src/domain/meetings/meeting-rules.ts';
import { canTransition } from '../../../src/domain/meetings/meeting-status.ts';
import { MEETING_STATUSES } from '../../../src/domain/meetings/meeting-types.ts';
import { seed } from '../charter/seed-files.ts';

function charterOf(prefix: string): Charter {
  const result = importCharter(seed(prefix));
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

describe('meeting rules read from the charter', () => {
  it('picks the rule of the meeting kind, else the rule for any meeting', () => {
    const c004 = charterOf('004');
    expect(presiderRule(c004, 'plenary')).toMatchObject({ roles: ['convener'], deputyNeedsDelegation: false, clause: '第十一条' });
    expect(presiderRule(c004, 'topical')).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true, clause: '第十二条' });
    expect(agendaApprovalRule(c004, 'plenary')?.clause).toBe('第十一条');
    expect(agendaApprovalRule(c004, 'topical')?.clause).toBe('第六条');
    expect(observerApprovalRule(c004, 'plenary')?.participantApproval?.approvedBy).toEqual(['convener']);
    expect(observerApprovalRule(c004, 'topical')).toBeNull();
    const c000 = charterOf('000');
    expect(presiderRule(c000, 'plenary')).toMatchObject({ meetingKind: 'any', deputyNeedsDelegation: true });
    expect(minutesSignoffRule(c000)).toBeNull();
    const c003 = charterOf('003');
    expect(mandatoryAttendanceRule(c003, 'working')?.mandatory).toBe(true);
    expect(mandatoryAttendanceRule(c004, 'plenary')).toBeNull();
  });

  it('cites the clause and names kinds in the charter’s own words', () => {
    const c004 = charterOf('004');
    const signoff = minutesSignoffRule(c004);
    if (!signoff) throw new Error('no sign-off rule');
    expect(clauseOf(c004, signoff)).toMatchObject({ clause: '第十三条' });
    expect(clauseOf(c004, signoff).text).toContain('组长签发');
    expect(charterKindName(c004, 'plenary')).toBe('全体会议');
    expect(charterKindName(c004, 'topical')).toBe('专题会议');
    expect(charterKindName(charterOf('003'), 'working')).toBe('工作会议');
    expect(charterKindName(charterOf('002'), 'liaison')).toBe('联络员会议');
  });

  it('matches held roles against the actors a rule names', () => {
    expect(allowedRole(['convener'], ['deputy_convener'])).toBeNull();
    expect(allowedRole(['convener', 'deputy_convener'], ['member', 'deputy_convener'])).toBe('deputy_convener');
    expect(allowedRole(['member_unit'], ['liaison'])).toBe('liaison');
    expect(allowedRole(['office'], ['office_staff'])).toBe('office_staff');
    expect(allowedRole(['office'], ['convener'])).toBeNull();
  });
});

describe('meeting lifecycle', () => {
  it('allows only the declared transitions', () => {
    expect(canTransition('draft', 'scheduled')).toBe(true);
    expect(canTransition('scheduled', 'held')).toBe(true);
    expect(canTransition('postponed', 'scheduled')).toBe(true);
    expect(canTransition('draft', 'held')).toBe(false);
    expect(canTransition('held', 'cancelled')).toBe(false);
    for (const status of MEETING_STATUSES) expect(canTransition('minutes_issued', status)).toBe(false);
    for (const status of MEETING_STATUSES) expect(canTransition('cancelled', status)).toBe(false);
  });
});

describe('meeting findings', () => {
  const clause = { document: null, clause: '三、（二）2.', text: '各成员务必参加' };
  const startsAt = new Date('2024-05-20T02:00:00Z');
  const units = [
    { unitId: 'a', name: '甲单位' },
    { unitId: 'b', name: '乙单位' },
    { unitId: 'c', name: '丙单位' },
  ];

  it('reports absences and missing records where attendance is mandatory, once the meeting is held', () => {
    const attendance = [
      { unitId: 'a', status: 'absent' as const },
      { unitId: 'b', status: 'absent_with_leave' as const },
    ];
    const input = { status: 'held' as const, startsAt, units, attendance, materials: [], mandatory: clause, circulateInAdvance: null };
    expect(meetingFindings(input).map((f) => [f.code, f.unitId])).toEqual([
      ['mandatory_attendance_absent', 'a'],
      ['mandatory_attendance_leave', 'b'],
      ['attendance_not_recorded', 'c'],
    ]);
    expect(meetingFindings({ ...input, mandatory: null })).toEqual([]);
    expect(meetingFindings({ ...input, status: 'scheduled' })).toEqual([]);
  });

  it('reports materials circulated late or not at all where the charter wants them in advance', () => {
    const materials = [
      { name: '早.txt', circulatedAt: new Date('2024-05-19T02:00:00Z') },
      { name: '晚.txt', circulatedAt: new Date('2024-05-20T03:00:00Z') },
      { name: '未.txt', circulatedAt: null },
    ];
    const base = { startsAt, units, attendance: [], materials, mandatory: null, circulateInAdvance: clause };
    expect(meetingFindings({ ...base, status: 'held' }).map((f) => f.message)).toEqual([
      '材料《晚.txt》未在会前印发给各成员单位',
      '材料《未.txt》未在会前印发给各成员单位',
    ]);
    // Before the meeting an uncirculated material is not late yet.
    expect(meetingFindings({ ...base, status: 'scheduled' }).map((f) => f.message)).toEqual(['材料《晚.txt》未在会前印发给各成员单位']);
  });

  it('builds the attendance lists of the minutes', () => {
    const entry = { personName: '甲', substituteName: null, substitutePosition: null, opinion: null, leaveReason: null };
    const lists = attendanceLists([
      { ...entry, unitId: 'a', unitName: '甲单位', status: 'attended' },
      { ...entry, unitId: 'b', unitName: '乙单位', status: 'substitute', substituteName: '代', substitutePosition: '副主任' },
      { ...entry, unitId: 'c', unitName: '丙单位', status: 'liaison_with_opinion', opinion: '同意' },
      { ...entry, unitId: 'd', unitName: '丁单位', status: 'absent_with_leave', leaveReason: '出差' },
    ]);
    expect(lists.attended).toEqual([
      { unitName: '甲单位', personName: '甲', substitute: false, position: null },
      { unitName: '乙单位', personName: '代', substitute: true, position: '副主任' },
    ]);
    expect(lists.liaisonsWithOpinion).toEqual([{ unitName: '丙单位', opinion: '同意' }]);
    expect(lists.absentWithLeave).toEqual([{ unitName: '丁单位', personName: '甲', reason: '出差' }]);
    expect(lists.absent).toEqual([]);
  });
});
