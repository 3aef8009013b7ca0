/** Contract of the circular routes: status circulars (通报) of open decided items. */
import { z } from 'zod';
import { idSchema } from './body-common.ts';
import { decisionStatusSchema } from './decisions.ts';
import { escalationRungSchema } from './supervision.ts';

export const circularSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  year: z.number().int(),
  number: z.number().int().describe('当年第几期'),
  asOf: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  escalatedCount: z.number().int().describe('列入通报（逾期较久、已报召集人）的事项数'),
});

export const circularItemSchema = z.object({
  decisionId: z.string(),
  itemNo: z.number().int(),
  text: z.string(),
  leadUnitName: z.string(),
  coUnitNames: z.array(z.string()),
  meetingTitle: z.string().nullable(),
  minutesTitle: z.string().nullable(),
  minutesYear: z.number().int().nullable(),
  minutesNumber: z.number().int().nullable(),
  issuedOn: z.string(),
  deadline: z.string(),
  deadlineProvisional: z.boolean(),
  status: decisionStatusSchema,
  statusName: z.string(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int().nullable(),
  latestProgress: z.string().nullable(),
  rung: escalationRungSchema.optional().describe('当日所处的督办升级阶段；overdue_convener 即列入通报'),
});

export const circularDetailSchema = circularSummarySchema.extend({ bodyName: z.string(), items: z.array(circularItemSchema) });
export const listCircularsResponseSchema = z.object({ items: z.array(circularSummarySchema) });
export const circularParamsSchema = z.object({ bodyId: idSchema, circularId: idSchema });
