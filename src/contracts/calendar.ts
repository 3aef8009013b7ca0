/**
 * Contract of the calendar routes: year view per region, working-day arithmetic, holiday notices
 * (preview, apply, list) and the coverage warning.
 */
import { z } from 'zod';
import { isoDateSchema } from './body-common.ts';

/** Longest notice text accepted (a notice is about a page). */
export const MAX_NOTICE_TEXT_CHARS = 100_000;

/** `national`, or a six-digit GB/T 2260 code; absent = national. */
export const regionQuerySchema = z
  .string()
  .regex(/^(?:national|\d{6})$/, { message: '地区应为 national 或六位行政区划代码（GB/T 2260）' })
  .optional()
  .describe('national 或六位行政区划代码；缺省为全国');

export const calendarFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});

export const dayKindSchema = z.enum(['workday', 'weekend', 'holiday', 'make_up_working_day', 'regional_holiday', 'regional_make_up_working_day']);

export const daySourceSchema = z.object({
  scope: z.string().describe('national 或行政区划代码'),
  kind: z.enum(['notice', 'snapshot', 'rule']).describe('notice：已载入的通知；snapshot：随系统发布的全国数据；rule：地方节日规定推算'),
  title: z.string(),
  docNumber: z.string().nullable(),
  noticeId: z.string().nullable(),
});

export const yearViewDaySchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  kind: dayKindSchema,
  weekend: z.boolean(),
  festival: z.string().nullable(),
  provisional: z.boolean(),
  reasons: z.array(z.string()),
  source: daySourceSchema.nullable(),
});

export const yearViewParamsSchema = z.object({
  year: z.coerce.number({ message: '年份应为数字' }).int({ message: '年份应为整数' }).min(1900, { message: '年份不能早于 1900' }).max(2200, { message: '年份不能晚于 2200' }),
});
export const yearViewQuerySchema = z.object({ region: regionQuerySchema });

export const yearViewResponseSchema = z.object({
  year: z.number().int(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  nationallyCovered: z.boolean(),
  national: daySourceSchema.nullable(),
  regionalNotices: z.array(daySourceSchema),
  days: z.array(yearViewDaySchema),
});
export type YearViewResponse = z.infer<typeof yearViewResponseSchema>;

export const addWorkingDaysQuerySchema = z.object({
  start: isoDateSchema,
  workingDays: z.coerce.number({ message: '工作日数应为数字' }).int({ message: '工作日数应为整数' }).min(-10_000).max(10_000),
  region: regionQuerySchema,
});
export const addWorkingDaysResponseSchema = z.object({
  start: z.string(),
  workingDays: z.number().int(),
  result: z.string(),
  regionCode: z.string().nullable(),
  provisional: z.boolean(),
  reasons: z.array(z.string()),
});
export type AddWorkingDaysResponse = z.infer<typeof addWorkingDaysResponseSchema>;

export const workingDaysBetweenQuerySchema = z.object({ from: isoDateSchema, to: isoDateSchema, region: regionQuerySchema });
export const workingDaysBetweenResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number().int(),
  regionCode: z.string().nullable(),
  provisional: z.boolean(),
  reasons: z.array(z.string()),
});
export type WorkingDaysBetweenResponse = z.infer<typeof workingDaysBetweenResponseSchema>;

export const noticeTextSchema = z
  .string({ message: '请粘贴通知全文' })
  .min(1, { message: '通知全文不能为空' })
  .max(MAX_NOTICE_TEXT_CHARS, { message: '通知全文过长' });

/** `national` or a six-digit code; absent = the scope read from the notice's issuer. */
export const noticeScopeSchema = z
  .string()
  .regex(/^(?:national|\d{6})$/, { message: '适用范围应为 national 或六位行政区划代码（GB/T 2260）' })
  .nullable()
  .optional();

export const noticeRequestSchema = z.object({ text: noticeTextSchema, scope: noticeScopeSchema });
export type NoticeRequest = z.infer<typeof noticeRequestSchema>;

export const noticeSummarySchema = z.object({
  id: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  year: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  holidays: z.array(z.string()),
  makeUpWorkingDays: z.array(z.string()),
  festivals: z.record(z.string(), z.string()),
  findings: z.array(calendarFindingSchema),
  textHash: z.string(),
  loadedBy: z.string().nullable(),
  loadedAt: z.string(),
  supersededAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
});
export type NoticeSummaryDto = z.infer<typeof noticeSummarySchema>;

export const noticeEntrySchema = z.object({
  festival: z.string().nullable(),
  holidays: z.array(z.string()),
  makeUpWorkingDays: z.array(z.string()),
  line: z.number().int(),
  source: z.string(),
});

export const parsedNoticeSchema = z.object({
  ok: z.boolean(),
  year: z.number().int().nullable(),
  scope: z.string().nullable(),
  scopeName: z.string().nullable(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  holidays: z.array(z.string()),
  makeUpWorkingDays: z.array(z.string()),
  festivals: z.record(z.string(), z.string()),
  entries: z.array(noticeEntrySchema),
  findings: z.array(calendarFindingSchema.extend({ line: z.number().int().optional() })),
});

export const noticePreviewResponseSchema = z.object({
  parsed: parsedNoticeSchema,
  scope: z.string().nullable(),
  scopeName: z.string().nullable(),
  checks: z.array(calendarFindingSchema).describe('载入后该年的核对结果（如连续工作超过 6 天）'),
  canApply: z.boolean(),
  current: noticeSummarySchema.nullable().describe('同一范围、同一年份现行的通知；载入后将被取代'),
  unchanged: z.boolean().describe('与现行通知全文相同，载入不会改变任何内容'),
});
export type NoticePreviewResponse = z.infer<typeof noticePreviewResponseSchema>;

export const noticeApplyResponseSchema = z.object({
  changed: z.boolean(),
  notice: noticeSummarySchema,
  superseded: noticeSummarySchema.nullable(),
  checks: z.array(calendarFindingSchema),
});
export type NoticeApplyResponse = z.infer<typeof noticeApplyResponseSchema>;

export const noticeListQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^(?:national|\d{6})$/, { message: '适用范围应为 national 或六位行政区划代码（GB/T 2260）' })
    .optional(),
  year: z.coerce.number({ message: '年份应为数字' }).int().min(1900).max(2200).optional(),
});
export const noticeListResponseSchema = z.object({ items: z.array(noticeSummarySchema) });

export const coverageQuerySchema = z.object({ today: isoDateSchema.optional().describe('缺省为上海时间的今天') });
export const coverageResponseSchema = z.object({
  today: z.string(),
  warning: calendarFindingSchema.nullable(),
  nationalYears: z.object({ first: z.number().int().nullable(), last: z.number().int().nullable() }),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;

// Issue 15 point 4 (engineer H): the month calendar of meetings across the reader's bodies.

export const meetingsMonthQuerySchema = z.object({
  month: z
    .string({ message: '请指定月份' })
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM 格式，如 2026-03' })
    .describe('月份（YYYY-MM，上海时间）'),
});

export const monthMeetingSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  title: z.string(),
  kindName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  date: z.string().describe('会议当日（上海时间，YYYY-MM-DD）'),
  status: z.string(),
  statusName: z.string(),
  link: z.string().describe('网页中的会议页面路径'),
});

export const monthDaySchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  kind: dayKindSchema,
  festival: z.string().nullable(),
  provisional: z.boolean(),
});

export const meetingsMonthResponseSchema = z.object({
  month: z.string(),
  regionCode: z.string().nullable().describe('标注节假日所用日历的地区；各机构地区不同时为全国（null）'),
  regionName: z.string().nullable(),
  days: z.array(monthDaySchema).describe('本月每一天的工作日属性'),
  meetings: z.array(monthMeetingSchema).describe('本人所在各机构本月的会议，按开始时间排序'),
});
export type MeetingsMonthResponse = z.infer<typeof meetingsMonthResponseSchema>;
