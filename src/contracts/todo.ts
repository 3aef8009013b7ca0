/**
 * Contract of /api/todo: the signed-in person's to-do centre (待办) across every body they sit in,
 * and what they did last (已办, from the audit trail).
 */
import { z } from 'zod';

/** Every kind of thing that can wait for a person, in the order the to-do centre groups them. */
export const TODO_KINDS = [
  'agenda_approval',
  'minutes_sign_off',
  'outgoing_review',
  'outgoing_sign',
  'membership_confirmation',
  'decision_progress',
  'incoming_reply',
  'information_report',
  'decision_to_close',
  'decision_overdue',
  'minutes_to_issue',
] as const;
export const todoKindSchema = z.enum(TODO_KINDS);
export type TodoKind = z.infer<typeof todoKindSchema>;

export const todoItemSchema = z.object({
  kind: todoKindSchema,
  kindName: z.string().describe('待办类别（中文），如“待审定纪要”'),
  id: z.string().describe('待办项的标识（同类中唯一）'),
  title: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  deadline: z.string().nullable().describe('期限（YYYY-MM-DD），无期限为 null'),
  dayUnit: z.enum(['working', 'calendar']).nullable().describe('剩余天数的单位：工作日或自然日'),
  daysLeft: z.number().int().nullable().describe('距期限的天数（未逾期时）'),
  daysOverdue: z.number().int().nullable().describe('逾期天数（逾期时）'),
  overdue: z.boolean(),
  statusName: z.string().nullable(),
  link: z.string().describe('网页中的路径，如 /bodies/:id/meetings/:id'),
});
export type TodoItemDto = z.infer<typeof todoItemSchema>;

export const doneEntrySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionName: z.string().describe('操作（中文）'),
  objectName: z.string().describe('对象（中文）'),
  at: z.string(),
});
export type DoneEntryDto = z.infer<typeof doneEntrySchema>;

export const todoQuerySchema = z.object({
  doneLimit: z.coerce.number({ message: '已办条数应为数字' }).int({ message: '已办条数应为整数' }).min(1, { message: '已办条数至少为 1' }).max(100, { message: '已办条数至多为 100' }).default(20),
});

export const todoResponseSchema = z.object({
  today: z.string(),
  items: z.array(todoItemSchema).describe('待办：逾期在前，再按期限'),
  total: z.number().int(),
  overdue: z.number().int(),
  done: z.array(doneEntrySchema).describe('已办：本人最近的操作，新的在前'),
});
export type TodoResponse = z.infer<typeof todoResponseSchema>;
