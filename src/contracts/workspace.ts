/**
 * Contract of GET /api/workspace (issue 15 point 7): everything the first screen of 我的工作台 shows,
 * in one answer — the bodies the signed-in person sits in, their unit's open decided items and
 * obligations, the meetings coming up with what waits for a convener, the office's dashboards, the
 * inbox and the calendar subscription. Each part holds only what the reader may see.
 */
import { z } from 'zod';
import { bodyStatusSchema } from './bodies.ts';
import { decisionItemSchema } from './decisions.ts';
import { calendarFeedStatusSchema } from './documents.ts';
import { unitObligationSchema } from './incoming-documents.ts';
import { agendaItemSchema, meetingSummarySchema } from './meetings.ts';
import { inboxResponseSchema } from './notifications.ts';
import { personDetailSchema } from './people.ts';
import { escalationRungSchema, frequencyLineSchema } from './supervision.ts';

/** How many bodies' meetings, meetings' agendas and office dashboards the workspace reads at most (the registry has the rest). */
export const WORKSPACE_LIMITS = { meetingBodies: 10, agendas: 8, officeBodies: 12, inboxItems: 20 } as const;

const countPairSchema = z.object({ open: z.number().int(), overdue: z.number().int() });

/** One body whose office the reader works in: its card on the workspace. */
export const officeDashboardSchema = z.object({
  bodyId: z.string(),
  name: z.string(),
  status: bodyStatusSchema,
  sunsetDate: z.string().nullable(),
  memberUnitCount: z.number().int(),
  flags: z.object({ noSeal: z.boolean(), noFormalDocuments: z.boolean(), notRegisteredBody: z.boolean() }),
  /** Open and overdue decided items; null where the reader may not see them */
  decisions: countPairSchema.nullable(),
  /** Open items by rung of the escalation ladder; null where the reader may not see the dashboard */
  escalationCounts: z.record(escalationRungSchema, z.number().int()).nullable(),
  /** Open and overdue incoming documents (收文) */
  incoming: countPairSchema.nullable(),
  /** Outgoing documents waiting for review or signature, and issued */
  outgoing: z.object({ waiting: z.number().int(), issued: z.number().int() }).nullable(),
  /** This period's information reports: reporters met and behind; `periodLabel` null while reports are off */
  reports: z.object({ periodLabel: z.string().nullable(), met: z.number().int(), behind: z.number().int() }).nullable(),
  /** The charter's meeting-frequency lines for this year */
  frequency: z.array(frequencyLineSchema).nullable(),
});
export type OfficeDashboardResponse = z.infer<typeof officeDashboardSchema>;

export const workspaceMeetingSchema = meetingSummarySchema.extend({
  bodyName: z.string(),
  /** The agenda (open meetings only, the first few); null when not read */
  agenda: z
    .array(z.object({ id: z.string(), title: z.string(), status: agendaItemSchema.shape.status, proposedBy: z.string().nullable() }))
    .nullable(),
});

export const workspaceResponseSchema = z.object({
  /** Today in Asia/Shanghai */
  today: z.string(),
  /** The reader's memberships holding today */
  memberships: personDetailSchema.shape.memberships,
  /** The units the reader is member or liaison of, today */
  units: z.array(z.object({ unitId: z.string(), name: z.string() })),
  /** Those units' open decided items across the bodies the reader may see, one entry per item */
  unitDecisions: z.array(decisionItemSchema),
  /** What those units owe (decided items, incoming documents …), overdue first */
  unitObligations: z.array(unitObligationSchema.extend({ unitName: z.string() })),
  /** Bodies where the reader convenes or deputises: what waits for their approval is shown for these */
  approverBodyIds: z.array(z.string()),
  /** Meetings of the reader's bodies (as member or office) not yet over, and minutes waiting to be signed off */
  meetings: z.array(workspaceMeetingSchema),
  /** Whether the reader sits in or works for any body (the meeting cards show then) */
  worksInBodies: z.boolean(),
  /** How many bodies' office the reader works in (the dashboards shown are the first few) */
  officeBodyCount: z.number().int(),
  officeBodies: z.array(officeDashboardSchema),
  inbox: inboxResponseSchema,
  calendarFeed: calendarFeedStatusSchema,
});
export type WorkspaceResponse = z.infer<typeof workspaceResponseSchema>;
