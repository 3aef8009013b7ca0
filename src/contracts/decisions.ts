/** Contract of the decision routes: decided items under supervision (督办), their progress, extensions. */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './body-common.ts';
import { resourceActionListSchema } from './resource-actions.ts';
import { escalationRungSchema } from './supervision.ts';
import { DECISION_STATUSES } from '../domain/decisions/decision-status.ts';

export const decisionStatusSchema = z.enum(DECISION_STATUSES);

const unitRefSchema = z.object({ unitId: z.string(), name: z.string() });

export const decisionItemSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  meetingId: z.string(),
  minutesId: z.string(),
  itemNo: z.number().int(),
  text: z.string(),
  leadUnit: unitRefSchema,
  coUnits: z.array(unitRefSchema),
  issuedOn: z.string(),
  deadline: z.string(),
  deadlineProvisional: z.boolean().describe('办理时限依据的日历尚未最终确定（如地方节假日未公布）'),
  deadlineProvisionalReasons: z.array(z.string()),
  status: decisionStatusSchema,
  statusName: z.string(),
  overdue: z.boolean().describe('按工作日历和今天推算，不存储'),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int().nullable(),
  standingProvisional: z.boolean(),
  completionReportedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalationRung: escalationRungSchema,
});
export type DecisionItemResponse = z.infer<typeof decisionItemSchema>;

const attachmentMetaSchema = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() });
const progressKindSchema = z.enum(['progress', 'completion', 'sent_back', 'closed']);
const deadlineBasisSchema = z.union([
  z.object({ kind: z.literal('date') }),
  z.object({ kind: z.literal('working_days'), days: z.number().int() }),
  z.object({ kind: z.literal('charter_default'), days: z.number().int(), coHandled: z.boolean(), clause: z.string().nullable() }),
  z.object({ kind: z.literal('extension'), extensionRequestId: z.string() }),
]);

export const decisionDetailSchema = decisionItemSchema.extend({
  deadlines: z.array(
    z.object({ deadline: z.string(), provisional: z.boolean(), reasons: z.array(z.string()), basis: deadlineBasisSchema, setAt: z.string(), setBy: z.string().nullable() }),
  ),
  extensionRequests: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      requestedBy: z.string().nullable(),
      requestedDeadline: z.string(),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'refused']),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  progressReports: z.array(
    z.object({
      id: z.string(),
      kind: progressKindSchema,
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      authorId: z.string().nullable(),
      text: z.string(),
      createdAt: z.string(),
      attachments: z.array(attachmentMetaSchema),
    }),
  ),
  reminders: z.array(z.object({ kind: z.enum(['before', 'due', 'overdue']), dueDate: z.string(), sentAt: z.string() })),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['assigned', 'progress', 'completion', 'sent_back', 'closed', 'extension_requested', 'extension_approved', 'extension_refused', 'deadline_set', 'reminder']),
      text: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      actorId: z.string().nullable(),
      attachments: z.array(attachmentMetaSchema),
      deadline: z.string().nullable(),
      reminderKind: z.enum(['before', 'due', 'overdue']).nullable(),
      refId: z.string().nullable(),
    }),
  ),
  /** What the reader may do on the decided item (given on the detail read; a step's answer leaves it out) */
  actions: resourceActionListSchema.optional(),
});
export type DecisionDetailResponse = z.infer<typeof decisionDetailSchema>;

/** Sort keys of a body's decided items (each pages by keyset: the key, then deadline, issue date, item number, id). */
export const DECISION_SORT_KEYS = ['deadline', 'status', 'leadUnit', 'issuedOn'] as const;
export const decisionSortSchema = z.enum(DECISION_SORT_KEYS);
export type DecisionSortKey = z.infer<typeof decisionSortSchema>;

/** The filters of a body's decided items, shared by the list and its export. */
export const decisionFilterQuerySchema = z.object({
  unitId: idSchema.optional().describe('主办或协办单位'),
  leadUnitId: idSchema.optional().describe('牵头（主办）单位'),
  status: decisionStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  minutesId: idSchema.optional(),
  q: z.string().trim().max(100).optional().describe('事项内容包含的文字'),
  sort: decisionSortSchema.default('deadline').describe('排序：办理时限、状态、牵头单位、交办日期'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const listDecisionsQuerySchema = decisionFilterQuerySchema.extend({
  cursor: z.string().max(500).optional().describe('上一页返回的 nextCursor（键集分页）'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const listDecisionsResponseSchema = z.object({
  items: z.array(decisionItemSchema),
  nextCursor: z.string().nullable(),
  /** Items matching the filters (exact: counted by the body's index) */
  total: z.number().int(),
});

export const decisionParamsSchema = z.object({ bodyId: idSchema, decisionId: idSchema });
export const extensionParamsSchema = decisionParamsSchema.extend({ extensionRequestId: idSchema });
export const attachmentParamsSchema = decisionParamsSchema.extend({ attachmentId: idSchema });
export const unitDecisionsParamsSchema = z.object({ unitId: idSchema });

export const attachmentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: '不是有效的 MIME 类型' }),
  contentBase64: z.string().min(1).max(14_000_000).describe('文件内容（Base64），不超过 10 MB'),
});

const reportBase = {
  unitId: idSchema.optional().describe('报送单位；不填时取本人所在的承办单位'),
  text: z.string().trim().min(1, { message: '内容不能为空' }).max(20_000),
  attachments: z.array(attachmentInputSchema).max(20).default([]),
};
export const progressReportRequestSchema = z.object(reportBase);
export const completionReportRequestSchema = z.object(reportBase);
export const progressReportResponseSchema = z.object({ progressReportId: z.string() });

export const closeDecisionRequestSchema = z.object({ note: z.string().trim().max(5000).nullable().default(null) });
export const sendBackRequestSchema = z.object({ reason: z.string().trim().min(1, { message: '请填写退回理由' }).max(5000) });

export const extensionRequestSchema = z.object({
  unitId: idSchema.optional(),
  requestedDeadline: isoDateSchema,
  reason: z.string().trim().min(1, { message: '请填写延期理由' }).max(5000),
});
export const extensionResponseSchema = z.object({ extensionRequestId: z.string() });
export const decideExtensionRequestSchema = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(5000).nullable().default(null),
});

export const unitDecisionsResponseSchema = z.object({ items: z.array(decisionItemSchema) });
