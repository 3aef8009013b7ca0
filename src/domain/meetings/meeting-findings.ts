/**
 * What a meeting's record shows against the charter: absences where attendance is mandatory,
 * materials not circulated before the meeting where the charter says they go out in advance, and
 * the attendance lists of the minutes (出席 / 请假 / 列席). Pure.
 */
import type { AttendanceStatus, MeetingStatus } from './meeting-types.ts';
import type { RuleClause } from './meeting-rules.ts';

export interface MeetingFinding {
  severity: 'warning' | 'info';
  code: string;
  message: string;
  unitId?: string;
  clause?: RuleClause;
}

export interface FindingInputs {
  status: MeetingStatus;
  startsAt: Date;
  /** Member units invited */
  units: { unitId: string; name: string }[];
  attendance: { unitId: string; status: AttendanceStatus }[];
  materials: { name: string; circulatedAt: Date | null }[];
  /** The attendance rule making attendance mandatory, with its clause */
  mandatory: RuleClause | null;
  /** The agenda rule saying materials go out in advance, with its clause */
  circulateInAdvance: RuleClause | null;
}

const AFTER_HELD: readonly MeetingStatus[] = ['held', 'minutes_drafted', 'minutes_signed_off', 'minutes_issued'];

export function meetingFindings(input: FindingInputs): MeetingFinding[] {
  const findings: MeetingFinding[] = [];
  if (input.mandatory !== null && AFTER_HELD.includes(input.status)) {
    const byUnit = new Map(input.attendance.map((a) => [a.unitId, a.status]));
    for (const unit of input.units) {
      const status = byUnit.get(unit.unitId);
      if (status === 'absent') {
        findings.push({
          severity: 'warning',
          code: 'mandatory_attendance_absent',
          message: `${unit.name}未出席会议，制度要求成员务必参加`,
          unitId: unit.unitId,
          clause: input.mandatory,
        });
      } else if (status === 'absent_with_leave') {
        findings.push({
          severity: 'info',
          code: 'mandatory_attendance_leave',
          message: `${unit.name}请假未出席，制度要求成员务必参加`,
          unitId: unit.unitId,
          clause: input.mandatory,
        });
      } else if (status === undefined) {
        findings.push({
          severity: 'warning',
          code: 'attendance_not_recorded',
          message: `尚未登记${unit.name}的出席情况`,
          unitId: unit.unitId,
          clause: input.mandatory,
        });
      }
    }
  }
  if (input.circulateInAdvance !== null) {
    const late = input.materials.filter((m) => m.circulatedAt === null || m.circulatedAt.getTime() > input.startsAt.getTime());
    const due = AFTER_HELD.includes(input.status);
    for (const material of late) {
      if (!due && material.circulatedAt === null) continue;
      findings.push({
        severity: 'warning',
        code: 'materials_not_circulated_in_advance',
        message: `材料《${material.name}》未在会前印发给各成员单位`,
        clause: input.circulateInAdvance,
      });
    }
  }
  return findings;
}

export interface AttendanceEntry {
  unitId: string;
  unitName: string;
  status: AttendanceStatus;
  /** The member invited for the unit, where one is named */
  personName: string | null;
  substituteName: string | null;
  substitutePosition: string | null;
  opinion: string | null;
  leaveReason: string | null;
}

/** The minutes' attendance lists. */
export interface AttendanceLists {
  /** 出席: the member, or a substitute from the same unit */
  attended: { unitName: string; personName: string | null; substitute: boolean; position: string | null }[];
  /** 联络员带书面意见参会 */
  liaisonsWithOpinion: { unitName: string; opinion: string }[];
  /** 请假 */
  absentWithLeave: { unitName: string; personName: string | null; reason: string }[];
  /** 缺席 */
  absent: { unitName: string; personName: string | null }[];
}

export function attendanceLists(entries: readonly AttendanceEntry[]): AttendanceLists {
  const lists: AttendanceLists = { attended: [], liaisonsWithOpinion: [], absentWithLeave: [], absent: [] };
  for (const e of entries) {
    switch (e.status) {
      case 'attended':
        lists.attended.push({ unitName: e.unitName, personName: e.personName, substitute: false, position: null });
        break;
      case 'substitute':
        lists.attended.push({ unitName: e.unitName, personName: e.substituteName, substitute: true, position: e.substitutePosition });
        break;
      case 'liaison_with_opinion':
        lists.liaisonsWithOpinion.push({ unitName: e.unitName, opinion: e.opinion ?? '' });
        break;
      case 'absent_with_leave':
        lists.absentWithLeave.push({ unitName: e.unitName, personName: e.personName, reason: e.leaveReason ?? '' });
        break;
      case 'absent':
        lists.absent.push({ unitName: e.unitName, personName: e.personName });
        break;
    }
  }
  return lists;
}
