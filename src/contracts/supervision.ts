/**
 * Contract of the supervision routes: the escalation ladder (督办升级) of a body, each open item's
 * rung, the office's dashboard by rung, meeting-frequency compliance, and the handover of a
 * dissolving body's open items.
 */
import { z } from 'zod';
import { idSchema } from './body-common.ts';

export const escalationRungSchema = z
  .enum(['none', 'before', 'due', 'overdue', 'overdue_member', 'overdue_convener'])
  .describe('督办升级阶段：未到提醒期、临期、当日到期、逾期、逾期升级至成员、逾期报召集人');
export type EscalationRungResponse = z.infer<typeof escalationRungSchema>;

const unitRefSchema = z.object({ unitId: z.string(), name: z.string() });

export const escalationStandingSchema = z.object({
  decisionId: z.string(),
  itemNo: z.number().int(),
  text: z.string(),
  leadUnit: unitRefSchema,
  deadline: z.string(),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int().nullable(),
  rung: escalationRungSchema,
  rungName: z.string(),
  inCircular: z.boolean().describe('列入下一期督办通报'),
});
export type EscalationStandingResponse = z.infer<typeof escalationStandingSchema>;

export const supervisionSettingsSchema = z.object({
  bodyId: z.string(),
  reminderDaysBefore: z.number().int().describe('到期前几个工作日提醒（在通知设置中修改）'),
  memberAfterDays: z.number().int().describe('逾期几个工作日后再次督办并升级至主办单位成员'),
  convenerAfterDays: z.number().int().describe('逾期几个工作日后报召集人、副召集人并列入通报'),
  frequencyWarningDays: z.number().int().describe('年底前几天提醒会议次数不足'),
  customized: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SupervisionSettingsResponse = z.infer<typeof supervisionSettingsSchema>;

export const updateSupervisionSettingsRequestSchema = z
  .object({
    memberAfterDays: z.number({ message: '请填写整数' }).int({ message: '请填写整数' }).min(1, { message: '至少 1 个工作日' }).max(60, { message: '不超过 60 个工作日' }).optional(),
    convenerAfterDays: z.number({ message: '请填写整数' }).int({ message: '请填写整数' }).min(2, { message: '至少 2 个工作日' }).max(120, { message: '不超过 120 个工作日' }).optional(),
    frequencyWarningDays: z.number({ message: '请填写整数' }).int({ message: '请填写整数' }).min(1, { message: '至少 1 天' }).max(180, { message: '不超过 180 天' }).optional(),
  })
  .strict();
export type UpdateSupervisionSettingsRequest = z.infer<typeof updateSupervisionSettingsRequestSchema>;

export const escalationDashboardSchema = z.object({
  bodyId: z.string(),
  today: z.string(),
  settings: supervisionSettingsSchema,
  counts: z.record(escalationRungSchema, z.number().int()),
  items: z.array(escalationStandingSchema),
});
export type EscalationDashboardResponse = z.infer<typeof escalationDashboardSchema>;

export const escalationRungsResponseSchema = z.object({ items: z.array(escalationStandingSchema) });
export type EscalationRungsResponse = z.infer<typeof escalationRungsResponseSchema>;

export const frequencyLineSchema = z.object({
  meetingKind: z.enum(['plenary', 'topical', 'liaison', 'working', 'office', 'group', 'any']),
  kindName: z.string(),
  year: z.number().int(),
  held: z.number().int(),
  minPerYear: z.number().int().nullable(),
  met: z.boolean(),
  clause: z.string().nullable(),
  sentence: z.string(),
  text: z.string().describe('如：全体会议：本年度已召开 0 次，至少 1 次'),
});

export const meetingFrequencyResponseSchema = z.object({
  bodyId: z.string(),
  year: z.number().int(),
  today: z.string(),
  lines: z.array(frequencyLineSchema),
  warningFrom: z.string(),
  warnedAt: z.string().nullable(),
});
export type MeetingFrequencyResponse = z.infer<typeof meetingFrequencyResponseSchema>;

export const handoverActionSchema = z.enum(['transfer_body', 'transfer_unit', 'close'], { message: '移交方式应为移交后续机构、移交有关单位或说明理由办结' });
export type HandoverActionValue = z.infer<typeof handoverActionSchema>;

export const handoverRecordSchema = z.object({
  decisionId: z.string(),
  itemNo: z.number().int(),
  text: z.string(),
  leadUnitName: z.string(),
  action: handoverActionSchema,
  actionName: z.string(),
  successorBody: z.object({ id: z.string(), name: z.string() }).nullable(),
  successorUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  handedOverAt: z.string(),
  handedOverBy: z.string().nullable(),
});
export type HandoverRecordResponse = z.infer<typeof handoverRecordSchema>;

export const handoverOverviewSchema = z.object({
  bodyId: z.string(),
  status: z.enum(['active', 'dissolved']),
  sunsetDate: z.string().nullable(),
  dissolvedOn: z.string().nullable(),
  openItems: z.array(escalationStandingSchema),
  handovers: z.array(handoverRecordSchema),
});
export type HandoverOverviewResponse = z.infer<typeof handoverOverviewSchema>;

export const handOverDecisionRequestSchema = z
  .object({
    action: handoverActionSchema,
    successorBodyId: idSchema.nullable().optional(),
    successorUnitId: idSchema.nullable().optional(),
    reason: z.string().trim().min(1, { message: '请填写移交或办结的理由' }).max(2000, { message: '理由不超过 2000 字' }),
  })
  .strict();
export type HandOverDecisionRequest = z.infer<typeof handOverDecisionRequestSchema>;
