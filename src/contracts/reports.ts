/** Contract of the information-report routes (信息报送): submit once to several bodies, the office's decisions, tally and compliance. */
import { z } from 'zod';
import { idSchema } from './body-common.ts';
import { charterClauseSchema } from './common.ts';
import { OFFER_DECISIONS, OFFER_STATUSES, PERIOD_MONTHS, REPORTER_KINDS } from '../domain/reports/report-types.ts';

export const reporterKindSchema = z.enum(REPORTER_KINDS).describe('member_unit = 成员单位，group = 工作组（专题组）');
export const offerStatusSchema = z.enum(OFFER_STATUSES).describe('submitted 已报送，accepted 已采用入库，returned 已退回，adopted 已采编（可编入简报）');
const periodMonthsSchema = z.union(PERIOD_MONTHS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<6>, z.ZodLiteral<12>]);

/** Which quota binds the body, and where it comes from (制度 / 办公室默认 / 未启用). */
export const reportQuotaSchema = z.object({
  source: z.enum(['charter', 'office_default', 'off']).describe('charter 制度规定；office_default 制度未规定、办公室启用的默认规则；off 未启用'),
  reporter: reporterKindSchema.nullable(),
  count: z.number().int().nullable(),
  periodMonths: z.number().int().nullable(),
  text: z.string().nullable().describe('规则原文或办公室默认规则的说明'),
  clause: charterClauseSchema.nullable(),
  categories: z.array(z.string()),
  reminderDaysBefore: z.number().int(),
});
export type ReportQuotaResponse = z.infer<typeof reportQuotaSchema>;

export const reportSettingsSchema = z.object({
  bodyId: z.string(),
  quota: reportQuotaSchema,
  /** The office's own settings (used when the charter is silent; categories and reminders always) */
  enabled: z.boolean(),
  reporter: reporterKindSchema,
  quotaCount: z.number().int(),
  periodMonths: z.number().int(),
  categories: z.array(z.string()),
  reminderDaysBefore: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ReportSettingsResponse = z.infer<typeof reportSettingsSchema>;

export const updateReportSettingsRequestSchema = z.object({
  enabled: z.boolean().optional(),
  reporter: reporterKindSchema.optional(),
  quotaCount: z.number().int().min(1, { message: '报送数量至少为 1 篇' }).max(100).optional(),
  periodMonths: periodMonthsSchema.optional(),
  categories: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  reminderDaysBefore: z.number().int().min(1).max(60).optional(),
});

const attachmentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: '不是有效的 MIME 类型' }),
  contentBase64: z.string().min(1).max(14_000_000).describe('文件内容（Base64），不超过 10 MB'),
});

/** One body the report is offered to; `groupId` when the body counts reports by group (专题组). */
export const reportOfferInputSchema = z.object({ bodyId: idSchema, groupId: idSchema.nullable().default(null) });

export const submitReportRequestSchema = z.object({
  unitId: idSchema.describe('报送单位（本人所代表的成员单位）'),
  title: z.string().trim().min(1, { message: '请填写信息标题' }).max(200),
  text: z.string().trim().min(1, { message: '信息正文不能为空' }).max(50_000),
  category: z.string().trim().min(1, { message: '请选择信息类别' }).max(40),
  period: z.string().max(10).nullable().default(null).describe('报送期（如 2021-03、2021-Q1）；缺省为本期'),
  offers: z.array(reportOfferInputSchema).min(1, { message: '请至少选择一个报送机构' }).max(20),
  attachments: z.array(attachmentInputSchema).max(20).default([]),
});
export type SubmitReportRequest = z.input<typeof submitReportRequestSchema>;

export const reportOfferSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  bodyId: z.string(),
  title: z.string(),
  text: z.string(),
  category: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reporterKind: reporterKindSchema,
  reporterId: z.string(),
  reporterName: z.string(),
  period: z.string(),
  status: offerStatusSchema,
  statusName: z.string(),
  reason: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
  /** Other bodies the same report was offered to */
  alsoOfferedTo: z.array(z.object({ bodyId: z.string(), bodyName: z.string() })),
});
export type ReportOfferResponse = z.infer<typeof reportOfferSchema>;

export const submitReportResponseSchema = z.object({ reportId: z.string(), offers: z.array(reportOfferSchema) });
export const listReportOffersResponseSchema = z.object({ items: z.array(reportOfferSchema) });
export const listReportOffersQuerySchema = z.object({
  period: z.string().max(10).optional(),
  status: offerStatusSchema.optional(),
  unitId: idSchema.optional().describe('只看本单位报送的信息'),
});
export const reportOfferParamsSchema = z.object({ bodyId: idSchema, offerId: idSchema });
export const reportAttachmentParamsSchema = reportOfferParamsSchema.extend({ attachmentId: idSchema });

export const decideReportOfferRequestSchema = z
  .object({ decision: z.enum(OFFER_DECISIONS).describe('accept 采用入库，return 退回（须说明理由），adopt 采编（可编入简报）'), reason: z.string().trim().max(500).nullable().default(null) })
  .refine((v) => v.decision !== 'return' || (v.reason !== null && v.reason.length > 0), { message: '退回须说明理由', path: ['reason'] });

const tallyLineSchema = z.object({
  reporterId: z.string(),
  reporterName: z.string(),
  period: z.string(),
  due: z.number().int(),
  counted: z.number().int(),
  missing: z.number().int(),
  status: z.enum(['met', 'due', 'missing']).describe('met 已完成，due 本期未完成，missing 期满未完成'),
});

/** The office's compliance view: this period's tally per reporter and a 12-month heat map. */
export const reportComplianceSchema = z.object({
  bodyId: z.string(),
  quota: reportQuotaSchema,
  today: z.string(),
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }).nullable(),
  lines: z.array(tallyLineSchema.extend({ remindedAt: z.string().nullable() })),
  /** The periods of the last twelve months, oldest first */
  heatmapPeriods: z.array(z.object({ key: z.string(), label: z.string() })),
  heatmap: z.array(z.object({ reporterId: z.string(), reporterName: z.string(), cells: z.array(tallyLineSchema) })),
});
export type ReportComplianceResponse = z.infer<typeof reportComplianceSchema>;

/** What a unit reports for in a body: itself or its groups, each with this period's tally and the last twelve months. */
export const unitReportTallySchema = z.object({
  bodyId: z.string(),
  unitId: z.string(),
  quota: reportQuotaSchema,
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }).nullable(),
  reporters: z.array(
    z.object({ reporterKind: reporterKindSchema, reporterId: z.string(), reporterName: z.string(), current: tallyLineSchema, months: z.array(tallyLineSchema) }),
  ),
  /** Other bodies the unit sits in that take information reports (for "report once") */
  otherBodies: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), groups: z.array(z.object({ groupId: z.string(), name: z.string() })), reporter: reporterKindSchema })),
});
export type UnitReportTallyResponse = z.infer<typeof unitReportTallySchema>;
export const unitReportTallyQuerySchema = z.object({ unitId: idSchema });
