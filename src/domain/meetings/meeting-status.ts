/** The meeting lifecycle: which status may follow which. Pure. */
import type { MeetingStatus } from './meeting-types.ts';

/** Every allowed transition; anything else is refused. */
const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['held', 'cancelled', 'postponed'],
  postponed: ['scheduled', 'cancelled'],
  held: ['minutes_drafted'],
  minutes_drafted: ['minutes_signed_off'],
  // Editing signed-off minutes sends them back for sign-off
  minutes_signed_off: ['minutes_issued', 'minutes_drafted'],
  minutes_issued: [],
  cancelled: [],
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: '草稿',
  scheduled: '已通知',
  held: '已召开',
  minutes_drafted: '纪要已起草',
  minutes_signed_off: '纪要已审定',
  minutes_issued: '纪要已印发',
  cancelled: '已取消',
  postponed: '已延期',
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses in which the agenda, materials and invitees may still change. */
export function isBeforeMeeting(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'scheduled' || status === 'postponed';
}
