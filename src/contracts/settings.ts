/** Contracts of /api/settings (system administrator). */
import { z } from 'zod';

/**
 * The shortest idle timeout a system administrator may set: 0 or 1 minute would sign everybody out
 * while they read (issue 15 point 6); a timeout under `SESSION_IDLE_CONFIRM_BELOW_MINUTES` is allowed
 * but the settings page asks for confirmation.
 */
export const SESSION_IDLE_MIN_MINUTES = 5;
export const SESSION_IDLE_CONFIRM_BELOW_MINUTES = 15;

export const securitySettingsDtoSchema = z.object({
  session: z.object({
    idleMinutes: z.number().int().min(SESSION_IDLE_MIN_MINUTES).max(24 * 60).describe('空闲超时（分钟）'),
    absoluteHours: z.number().int().min(1).max(24 * 30).describe('会话最长有效期（小时）'),
  }),
  passwordPolicy: z.object({
    minLength: z.number().int().min(8).max(128).describe('最短长度'),
    minClasses: z.number().int().min(1).max(4).describe('至少包含的字符类别数（小写、大写、数字、符号）'),
  }),
  lockout: z.object({
    threshold: z.number().int().min(1).max(100).describe('连续失败几次锁定'),
    minutes: z.number().int().min(1).max(24 * 60).describe('锁定时长（分钟）'),
  }),
});
export type SecuritySettingsDto = z.infer<typeof securitySettingsDtoSchema>;

/** The outbound allow-list (system administrator): targets inside the network webhooks and SMTP may reach. */
export const outboundAllowListDtoSchema = z.object({
  allowed: z
    .array(z.string().min(1).max(253))
    .max(200)
    .describe('允许外发的内网目标：主机名（如 hooks.example.gov.cn）或地址/地址段（如 10.20.0.0/16、127.0.0.1、fd00::/8）'),
});
export type OutboundAllowListDto = z.infer<typeof outboundAllowListDtoSchema>;
