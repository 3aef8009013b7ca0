/** Contract of the meeting routes: meetings, delegation, presider, agenda items, materials, invitees, attendance. */
import { z } from 'zod';
import {
  AGENDA_ITEM_STATUSES,
  ATTENDANCE_STATUSES,
  INVITEE_APPROVALS,
  INVITEE_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
} from '../domain/meetings/meeting-types.ts';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';
import { charterClauseSchema, instantSchema } from './common.ts';
import { resourceActionListSchema } from './resource-actions.ts';

export const meetingKindSchema = z.enum(MEETING_KINDS);
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

export const meetingParamsSchema = z.object({ bodyId: idSchema, meetingId: idSchema });
export const agendaItemParamsSchema = meetingParamsSchema.extend({ itemId: idSchema });
export const materialParamsSchema = meetingParamsSchema.extend({ materialId: idSchema });
export const inviteeParamsSchema = meetingParamsSchema.extend({ inviteeId: idSchema });

export const meetingSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  kind: meetingKindSchema,
  /** The charter's own name for the kind (全体会议, 工作会议 …) */
  kindName: z.string(),
  groupId: z.string().nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  status: meetingStatusSchema,
  statusReason: z.string().nullable(),
  preMeetingOf: z.string().nullable(),
  /** SEQUENCE of the calendar invitation */
  icsSequence: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type MeetingSummaryResponse = z.infer<typeof meetingSummarySchema>;

export const materialSchema = z.object({
  id: z.string(),
  agendaItemId: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  circulatedAt: z.string().nullable(),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  proposedByUnitId: z.string().nullable(),
  proposedByUnitName: z.string().nullable(),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  status: z.enum(AGENDA_ITEM_STATUSES),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAs: z.string().nullable(),
  decidedAt: z.string().nullable(),
  materials: z.array(materialSchema),
});

export const inviteeSchema = z.object({
  id: z.string(),
  kind: z.enum(INVITEE_KINDS),
  roleKind: roleKindSchema.nullable(),
  title: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  membershipId: z.string().nullable(),
  name: z.string().nullable(),
  approvalStatus: z.enum(INVITEE_APPROVALS),
  approvalReason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});

export type InviteeResponse = z.infer<typeof inviteeSchema>;

export const attendanceSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  status: attendanceStatusSchema,
  substituteName: z.string().nullable(),
  substitutePosition: z.string().nullable(),
  opinion: z.string().nullable(),
  leaveReason: z.string().nullable(),
  recordedAt: z.string(),
});

export const meetingFindingSchema = z.object({
  severity: z.enum(['warning', 'info']),
  code: z.string(),
  message: z.string(),
  unitId: z.string().optional(),
  clause: charterClauseSchema.optional(),
});

export const meetingDetailSchema = meetingSummarySchema.extend({
  presider: z
    .object({ membershipId: z.string(), personId: z.string().nullable(), personName: z.string().nullable(), roleKind: roleKindSchema, title: z.string() })
    .nullable(),
  delegations: z.array(
    z.object({ id: z.string(), fromMembershipId: z.string(), toMembershipId: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string() }),
  ),
  agenda: z.array(agendaItemSchema),
  invitees: z.array(inviteeSchema),
  attendance: z.array(attendanceSchema),
  minutes: z.array(
    z.object({
      id: z.string(),
      status: z.enum(MINUTES_STATUSES),
      year: z.number().int().nullable(),
      number: z.number().int().nullable(),
      correctsMinutesId: z.string().nullable(),
    }),
  ),
  /** What the record shows against the charter (absences where attendance is mandatory …) */
  findings: z.array(meetingFindingSchema),
  noticeSentAt: z.string().nullable(),
  heldAt: z.string().nullable(),
  /** What the reader may do on the meeting (given on the detail read; a step's answer leaves it out) */
  actions: resourceActionListSchema.optional(),
});
export type MeetingDetailResponse = z.infer<typeof meetingDetailSchema>;

export const listMeetingsQuerySchema = z.object({ status: meetingStatusSchema.optional() });
export const listMeetingsResponseSchema = z.object({ items: z.array(meetingSummarySchema) });

const text = (max: number) => z.string().trim().min(1).max(max);

export const createMeetingRequestSchema = z.object({
  kind: meetingKindSchema,
  title: text(200),
  startsAt: instantSchema,
  endsAt: instantSchema.nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  groupId: idSchema.nullable().optional(),
  preMeetingOf: idSchema.nullable().optional(),
  kindName: z.string().trim().max(50).nullable().optional(),
});
export type CreateMeetingRequest = z.infer<typeof createMeetingRequestSchema>;

export const scheduleMeetingRequestSchema = z.object({
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
});

export const reasonRequestSchema = z.object({ reason: text(500) });
export const delegationRequestSchema = z.object({ toMembershipId: idSchema });
export const presiderRequestSchema = z.object({ membershipId: idSchema });

export const proposeAgendaItemRequestSchema = z.object({
  title: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  /** The member unit proposing; omit when the office proposes */
  unitId: idSchema.nullable().optional(),
});

export const decideRequestSchema = z.object({
  approve: z.boolean(),
  /** Required when rejecting */
  reason: z.string().trim().max(500).nullable().optional(),
});

export const attachMaterialRequestSchema = z.object({
  name: text(200),
  contentType: z.string().trim().min(1).max(100).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: '不是有效的内容类型' }),
  text: z.string().max(1_000_000).optional(),
  base64: z.string().max(14_000_000).optional(),
});

export const circulateResponseSchema = meetingDetailSchema;

export const proposeObserverRequestSchema = z.object({ name: text(100), unitId: idSchema.nullable().optional() });

export const attendanceEntrySchema = z.object({
  unitId: idSchema,
  status: attendanceStatusSchema,
  substituteName: z.string().trim().max(50).nullable().optional(),
  substitutePosition: z.string().trim().max(200).nullable().optional(),
  opinion: z.string().trim().max(10_000).nullable().optional(),
  leaveReason: z.string().trim().max(500).nullable().optional(),
});
export const recordAttendanceRequestSchema = z.object({ entries: z.array(attendanceEntrySchema).min(1).max(500) });

export const listInviteesResponseSchema = z.object({ items: z.array(inviteeSchema) });

export const meetingNoticeSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  meetingId: z.string(),
  title: z.string(),
  kindName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  agenda: z.array(z.object({ position: z.number().int(), title: z.string() })),
  invitees: z.array(inviteeSchema),
  issuedAt: z.string(),
});
