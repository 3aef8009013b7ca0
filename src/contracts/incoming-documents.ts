/** Contract of the incoming-document routes (收文 / 批办 / 转办) and of a unit's cross-body obligations. */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './body-common.ts';
import { escalationRungSchema } from './supervision.ts';
import { INCOMING_DOCUMENT_STATUSES, INCOMING_ROUTINGS } from '../domain/incoming-documents/incoming-status.ts';

export const incomingDocumentStatusSchema = z.enum(INCOMING_DOCUMENT_STATUSES);
export const incomingRoutingSchema = z.enum(INCOMING_ROUTINGS).describe('assign = 批办，forward = 转办');

const unitRefSchema = z.object({ unitId: z.string(), name: z.string() });

const deadlineBasisSchema = z.union([
  z.object({ kind: z.literal('date') }),
  z.object({ kind: z.literal('working_days'), days: z.number().int() }),
  z.object({ kind: z.literal('charter_default'), days: z.number().int(), coHandled: z.boolean(), clause: z.string().nullable() }),
  z.object({ kind: z.literal('extension'), extensionRequestId: z.string() }),
]);

export const incomingDocumentItemSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  sendingUnit: z.string().describe('来文单位'),
  sendingNumber: z.string().nullable().describe('来文字号'),
  title: z.string(),
  receivedOn: z.string(),
  status: incomingDocumentStatusSchema,
  statusName: z.string(),
  routing: incomingRoutingSchema.nullable(),
  routingName: z.string().nullable(),
  instruction: z.string().nullable().describe('批办或转办意见'),
  leadUnit: unitRefSchema.nullable(),
  coUnits: z.array(unitRefSchema),
  assignedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  deadlineProvisionalReasons: z.array(z.string()),
  deadlineBasis: deadlineBasisSchema.nullable(),
  overdue: z.boolean().describe('按工作日历和今天推算，不存储'),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int().nullable(),
  escalationRung: escalationRungSchema,
  replyText: z.string().nullable().describe('办理结果'),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
  allowedActions: z.array(z.enum(['assign', 'reply', 'close'])).describe('本人此刻可对该收文执行的操作（由权限策略和状态决定）'),
});
export type IncomingDocumentItemResponse = z.infer<typeof incomingDocumentItemSchema>;

export const incomingDocumentParamsSchema = z.object({ bodyId: idSchema, documentId: idSchema });
export const incomingAttachmentParamsSchema = incomingDocumentParamsSchema.extend({ attachmentId: idSchema });

export const listIncomingDocumentsQuerySchema = z.object({
  status: incomingDocumentStatusSchema.optional(),
  unitId: idSchema.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const listIncomingDocumentsResponseSchema = z.object({
  items: z.array(incomingDocumentItemSchema),
  allowedActions: z.array(z.enum(['register'])).describe('本人可在本机构执行的收文操作'),
});

const attachmentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: '不是有效的 MIME 类型' }),
  contentBase64: z.string().min(1).max(14_000_000).describe('文件内容（Base64），不超过 10 MB'),
});

export const registerIncomingDocumentRequestSchema = z.object({
  sendingUnit: z.string().trim().min(1, { message: '请填写来文单位' }).max(200),
  sendingNumber: z.string().trim().max(100).nullable().default(null),
  title: z.string().trim().min(1, { message: '请填写收文标题' }).max(500),
  receivedOn: isoDateSchema,
  attachments: z.array(attachmentInputSchema).max(20).default([]),
});
export const registerIncomingDocumentResponseSchema = z.object({ documentId: z.string() });

export const incomingDeadlineSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('working_days'), days: z.number().int() }),
  z.object({ kind: z.literal('charter_default') }),
]);

export const assignIncomingDocumentRequestSchema = z.object({
  routing: incomingRoutingSchema,
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema).max(100).default([]),
  instruction: z.string().trim().max(5000).nullable().default(null),
  deadline: incomingDeadlineSpecSchema.default({ kind: 'charter_default' }),
});

export const replyIncomingDocumentRequestSchema = z.object({
  unitId: idSchema.optional().describe('主办单位；不填时取本人所在的主办单位'),
  text: z.string().trim().min(1, { message: '请填写办理结果' }).max(20_000),
});
export const closeIncomingDocumentRequestSchema = z.object({ note: z.string().trim().max(5000).nullable().default(null) });
export const sendBackIncomingDocumentRequestSchema = z.object({ reason: z.string().trim().min(1, { message: '请填写退回理由' }).max(5000) });

/** A unit's cross-body obligations: what it owes, to which body, by when. */
export const obligationKindSchema = z.enum(['decision', 'incoming_document', 'information_report', 'outgoing_document']);
export const unitObligationSchema = z.object({
  kind: obligationKindSchema,
  kindName: z.string(),
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  title: z.string(),
  /** The unit leads it or co-handles it */
  role: z.enum(['lead', 'co']),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int().nullable(),
  statusName: z.string(),
  link: z.string(),
});
export type UnitObligationResponse = z.infer<typeof unitObligationSchema>;
export const unitObligationsParamsSchema = z.object({ unitId: idSchema });
export const unitObligationsResponseSchema = z.object({ unitId: z.string(), items: z.array(unitObligationSchema) });
