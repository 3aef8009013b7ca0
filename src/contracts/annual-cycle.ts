/** Contract of the annual-cycle routes: the year's collection of 年度工作报告, each unit's task, the compiled report. */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './body-common.ts';
import { charterClauseSchema } from './common.ts';
import { COLLECTION_STATUSES, REPORTER_KINDS, TASK_STATUSES } from '../domain/reports/report-types.ts';

export const annualYearParamsSchema = z.object({ bodyId: idSchema, year: z.coerce.number().int().min(1990).max(2200) });
export const annualTaskParamsSchema = z.object({ bodyId: idSchema, taskId: idSchema });

export const startAnnualCollectionRequestSchema = z.object({
  deadline: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('working_days'), days: z.number().int().min(1, { message: '至少 1 个工作日' }).max(250) }),
    z.object({ kind: z.literal('date'), date: isoDateSchema }),
  ]),
});

export const workPlanSchema = z.object({
  clause: charterClauseSchema,
  status: z.enum(['not_drafted', 'compiled', 'adopted']).describe('not_drafted 未起草，compiled 已起草，adopted 全体会议已审议通过'),
  text: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
});
export type WorkPlanResponse = z.infer<typeof workPlanSchema>;
export const draftWorkPlanRequestSchema = z.object({
  text: z.string().trim().min(1, { message: '年度工作要点正文不能为空' }).max(100_000),
  agendaItemId: idSchema.nullable().default(null).describe('提交审议的全体会议议题'),
});

export const annualTaskSchema = z.object({
  id: z.string(),
  reporterKind: z.enum(REPORTER_KINDS),
  reporterId: z.string(),
  reporterName: z.string(),
  deadline: z.string(),
  status: z.enum(TASK_STATUSES).describe('pending 待报送，submitted 已报送，returned 已退回，accepted 已采用'),
  statusName: z.string(),
  overdue: z.boolean(),
  text: z.string().nullable(),
  reason: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type AnnualTaskResponse = z.infer<typeof annualTaskSchema>;

/** Where a body's year stands: what its charter orders, the collection, each task and the compiled report. */
export const annualYearSchema = z.object({
  bodyId: z.string(),
  year: z.number().int(),
  today: z.string(),
  /** What the charter orders; null when it says nothing (nothing is invented) */
  plan: z
    .object({
      memberUnits: z.boolean(),
      groups: z.boolean(),
      reportTo: z.array(z.string()),
      rules: z.array(z.object({ reporter: z.string(), to: z.string(), via: z.string().nullable(), clause: charterClauseSchema })),
    })
    .nullable(),
  collection: z
    .object({
      id: z.string(),
      status: z.enum(COLLECTION_STATUSES),
      statusName: z.string(),
      deadline: z.string(),
      reportTo: z.string(),
      compiledText: z.string().nullable(),
      compiledAt: z.string().nullable(),
      outgoingDocumentId: z.string().nullable(),
      counts: z.object({ total: z.number().int(), pending: z.number().int(), submitted: z.number().int(), returned: z.number().int(), accepted: z.number().int(), overdue: z.number().int() }),
    })
    .nullable(),
  tasks: z.array(annualTaskSchema),
  /** The annual work plan (年度工作要点) where the charter asks for one; null when it does not */
  workPlan: workPlanSchema.nullable(),
});
export type AnnualYearResponse = z.infer<typeof annualYearSchema>;

export const submitAnnualTaskRequestSchema = z.object({
  unitId: idSchema.describe('报送单位（本人所代表的成员单位）'),
  text: z.string().trim().min(1, { message: '年度工作报告正文不能为空' }).max(100_000),
});
export const decideAnnualTaskRequestSchema = z
  .object({ decision: z.enum(['accept', 'return']), reason: z.string().trim().max(500).nullable().default(null) })
  .refine((v) => v.decision !== 'return' || (v.reason !== null && v.reason.length > 0), { message: '退回须说明理由', path: ['reason'] });

export const compileAnnualReportRequestSchema = z.object({
  text: z.string().trim().min(1, { message: '请填写年度工作报告的综述' }).max(100_000),
  /** Start the outgoing document (发文) that sends the report where the charter says */
  issue: z.boolean().default(true),
});
