/** Contract of the notification routes: the inbox, one's e-mail address, a body's notification settings and failing deliveries. */
import { z } from 'zod';
import { idSchema } from './body-common.ts';

export const inboxItemSchema = z.object({
  id: z.string(),
  bodyId: z.string().nullable(),
  event: z.string(),
  title: z.string(),
  message: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const inboxQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const inboxResponseSchema = z.object({ unread: z.number().int(), items: z.array(inboxItemSchema) });
export const markReadRequestSchema = z.object({
  ids: z.array(idSchema).max(500).nullable().describe('要标为已读的消息；null 表示全部'),
});
export const markReadResponseSchema = z.object({ marked: z.number().int() });

export const notificationAddressSchema = z.object({ email: z.string().nullable() });
export const notificationAddressRequestSchema = z.object({
  email: z.email({ message: '电子邮件地址格式不正确' }).max(320).nullable(),
});

export const notificationSettingsSchema = z.object({
  bodyId: z.string(),
  reminderDaysBefore: z.number().int(),
  webhookUrl: z.string().nullable(),
  webhookEnabled: z.boolean(),
  webhookSecretSet: z.boolean(),
  updatedAt: z.string().nullable(),
});
export const notificationSettingsRequestSchema = z.object({
  reminderDaysBefore: z.number().int().min(1).max(60).optional().describe('办理时限前几个工作日提醒'),
  webhookUrl: z.url({ message: '不是有效的网址' }).max(2000).nullable().optional(),
  webhookEnabled: z.boolean().optional(),
  rotateSecret: z.boolean().optional().describe('生成新的签名密钥（只在本次返回）'),
});
export const notificationSettingsResponseSchema = notificationSettingsSchema.extend({
  webhookSecret: z.string().nullable().describe('新生成的密钥，仅本次显示'),
});

export const failingDeliverySchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  target: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  givenUp: z.boolean(),
});
export const failingDeliveriesResponseSchema = z.object({ items: z.array(failingDeliverySchema) });
export const deliveryParamsSchema = z.object({ bodyId: idSchema, deliveryId: z.coerce.number().int().min(1) });
