/** Calls of a body's meetings (agenda, materials, invitees, attendance) and minutes. */
import { api, unwrap } from '../api/client.ts';
import type { ApiQuery, ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const M = '/api/bodies/{bodyId}/meetings/{meetingId}' as const;

export type MeetingListQuery = ApiQuery<'/api/bodies/{bodyId}/meetings', 'get'>;
export type MeetingSummary = Result<typeof listMeetings>['items'][number];
export type MeetingDetail = Result<typeof getMeeting>;
export type MeetingStatus = MeetingSummary['status'];
export type MeetingKind = MeetingSummary['kind'];
export type AgendaItem = MeetingDetail['agenda'][number];
export type Invitee = MeetingDetail['invitees'][number];
export type Attendance = MeetingDetail['attendance'][number];
export type AttendanceStatus = Attendance['status'];
export type CreateMeetingRequest = ApiRequest<'/api/bodies/{bodyId}/meetings', 'post'>;
export type AttendanceRequest = ApiRequest<'/api/bodies/{bodyId}/meetings/{meetingId}/attendance', 'put'>;
export type AttendanceEntry = AttendanceRequest['entries'][number];
export type Minutes = Result<typeof getMinutes>;
export type DraftMinutesRequest = ApiRequest<'/api/bodies/{bodyId}/meetings/{meetingId}/minutes', 'post'>;
export type EditMinutesRequest = ApiRequest<'/api/bodies/{bodyId}/minutes/{minutesId}', 'put'>;
export type DecidedItemInput = NonNullable<EditMinutesRequest['decidedItems']>[number];

export const MEETING_KINDS = ['plenary', 'topical', 'liaison', 'working', 'office', 'group'] as const satisfies readonly MeetingKind[];
export const MEETING_STATUSES = [
  'draft',
  'scheduled',
  'postponed',
  'held',
  'minutes_drafted',
  'minutes_signed_off',
  'minutes_issued',
  'cancelled',
] as const satisfies readonly MeetingStatus[];
export const ATTENDANCE_STATUSES = ['attended', 'substitute', 'liaison_with_opinion', 'absent_with_leave', 'absent'] as const satisfies readonly AttendanceStatus[];

interface MeetingRef {
  bodyId: string;
  meetingId: string;
}

const path = ({ bodyId, meetingId }: MeetingRef) => ({ path: { bodyId, meetingId } });

export const listMeetings = (bodyId: string, query: MeetingListQuery = {}) =>
  unwrap(api.GET('/api/bodies/{bodyId}/meetings', { params: { path: { bodyId }, query } }));

export const createMeeting = (bodyId: string, body: CreateMeetingRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/meetings', { params: { path: { bodyId } }, body }));

export const getMeeting = (ref: MeetingRef) => unwrap(api.GET(M, { params: path(ref) }));

export const scheduleMeeting = (ref: MeetingRef) => unwrap(api.POST(`${M}/schedule`, { params: path(ref), body: {} }));

export const cancelMeeting = (ref: MeetingRef, reason: string) => unwrap(api.POST(`${M}/cancel`, { params: path(ref), body: { reason } }));

export const postponeMeeting = (ref: MeetingRef, reason: string) => unwrap(api.POST(`${M}/postpone`, { params: path(ref), body: { reason } }));

export const markHeld = (ref: MeetingRef) => unwrap(api.POST(`${M}/held`, { params: path(ref) }));

export const delegate = (ref: MeetingRef, toMembershipId: string) =>
  unwrap(api.POST(`${M}/delegations`, { params: path(ref), body: { toMembershipId } }));

export const setPresider = (ref: MeetingRef, membershipId: string) => unwrap(api.PUT(`${M}/presider`, { params: path(ref), body: { membershipId } }));

export const proposeAgendaItem = (ref: MeetingRef, body: ApiRequest<'/api/bodies/{bodyId}/meetings/{meetingId}/agenda-items', 'post'>) =>
  unwrap(api.POST(`${M}/agenda-items`, { params: path(ref), body }));

export const decideAgendaItem = (ref: MeetingRef, itemId: string, approve: boolean, reason: string | null) =>
  unwrap(api.POST(`${M}/agenda-items/{itemId}/decision`, { params: { path: { ...path(ref).path, itemId } }, body: { approve, reason } }));

export const attachMaterial = (ref: MeetingRef, itemId: string, body: ApiRequest<'/api/bodies/{bodyId}/meetings/{meetingId}/agenda-items/{itemId}/materials', 'post'>) =>
  unwrap(api.POST(`${M}/agenda-items/{itemId}/materials`, { params: { path: { ...path(ref).path, itemId } }, body }));

/** Where the browser downloads a material from (same origin, the session cookie goes along). */
export const materialUrl = (ref: MeetingRef, materialId: string) =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/meetings/${encodeURIComponent(ref.meetingId)}/materials/${encodeURIComponent(materialId)}/content`;

export const circulateMaterials = (ref: MeetingRef) => unwrap(api.POST(`${M}/materials/circulate`, { params: path(ref) }));

export const proposeObserver = (ref: MeetingRef, name: string, unitId: string | null) =>
  unwrap(api.POST(`${M}/observers`, { params: path(ref), body: { name, unitId } }));

export const decideObserver = (ref: MeetingRef, inviteeId: string, approve: boolean, reason: string | null) =>
  unwrap(api.POST(`${M}/observers/{inviteeId}/decision`, { params: { path: { ...path(ref).path, inviteeId } }, body: { approve, reason } }));

export const recordAttendance = (ref: MeetingRef, entries: AttendanceEntry[]) =>
  unwrap(api.PUT(`${M}/attendance`, { params: path(ref), body: { entries } }));

export const draftMinutes = (ref: MeetingRef, body: DraftMinutesRequest) => unwrap(api.POST(`${M}/minutes`, { params: path(ref), body }));

export const getMinutes = (bodyId: string, minutesId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/minutes/{minutesId}', { params: { path: { bodyId, minutesId } } }));

export const editMinutes = (bodyId: string, minutesId: string, body: EditMinutesRequest) =>
  unwrap(api.PUT('/api/bodies/{bodyId}/minutes/{minutesId}', { params: { path: { bodyId, minutesId } }, body }));

export const signOffMinutes = (bodyId: string, minutesId: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/minutes/{minutesId}/sign-off', { params: { path: { bodyId, minutesId } } }));

export const issueMinutes = (bodyId: string, minutesId: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/minutes/{minutesId}/issue', { params: { path: { bodyId, minutesId } } }));

/** Starts a correction of issued minutes: a new draft referencing them (issue 15: the office's edit path after issue). */
export const correctMinutes = (bodyId: string, minutesId: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/minutes/{minutesId}/corrections', { params: { path: { bodyId, minutesId } }, body: {} }));

/** Where the browser downloads the minutes as an official document (DOCX by GB/T 9704, or PDF). */
export const minutesDocumentUrl = (bodyId: string, minutesId: string, format: 'docx' | 'pdf') =>
  `/api/bodies/${encodeURIComponent(bodyId)}/minutes/${encodeURIComponent(minutesId)}/document?format=${format}`;

/** Where the browser downloads the meeting notice (DOCX). */
export const noticeDocumentUrl = (ref: MeetingRef) =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/meetings/${encodeURIComponent(ref.meetingId)}/notice-document?format=docx`;

/** Where the browser downloads the meeting's calendar invitation (.ics; METHOD:CANCEL once cancelled). */
export const invitationUrl = (ref: MeetingRef) =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/meetings/${encodeURIComponent(ref.meetingId)}/invitation`;
