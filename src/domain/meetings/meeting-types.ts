/** Meetings and minutes: the shapes shared by the database schema, services and contracts. Pure types. */

/** Meeting kinds (docs/glossary.md): 全体会议, 专题会议, 联络员会议, 工作会议, 办公室会议, 专题组会议. */
export const MEETING_KINDS = ['plenary', 'topical', 'liaison', 'working', 'office', 'group'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = [
  'draft',
  'scheduled',
  'held',
  'minutes_drafted',
  'minutes_signed_off',
  'minutes_issued',
  'cancelled',
  'postponed',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_ITEM_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

export const INVITEE_KINDS = ['member', 'observer'] as const;
/** `member`: invited as a member of the body; `observer`: 列席 */
export type InviteeKind = (typeof INVITEE_KINDS)[number];

export const INVITEE_APPROVALS = ['not_required', 'proposed', 'approved', 'rejected'] as const;
export type InviteeApproval = (typeof INVITEE_APPROVALS)[number];

/** 出席 / 代为出席 / 联络员带意见参会 / 请假 / 缺席 */
export const ATTENDANCE_STATUSES = ['attended', 'substitute', 'liaison_with_opinion', 'absent_with_leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MINUTES_STATUSES = ['draft', 'signed_off', 'issued'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** When a decided item is due: a date, N working days from issue, or the charter's handling deadline. */
export type DecidedItemDeadline = { kind: 'date'; date: string } | { kind: 'working_days'; days: number } | { kind: 'charter_default' };

/** A decided item (议定事项) as the minutes draft it; it becomes a decision when the minutes are issued. */
export interface DecidedItemDraft {
  text: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: DecidedItemDeadline;
}

/** Who receives issued minutes: every member unit on the issue date plus the charter's report copies. */
export interface MinutesDistribution {
  memberUnits: { unitId: string; name: string }[];
  /** 抄报: upward, as the charter names them */
  reportCopyTo: string[];
  /** 抄送 and other recipients the charter names */
  copyTo: string[];
}
