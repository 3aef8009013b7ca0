/** Contracts of /api/security-alerts (issue 17 point 7): alerts of the security sweep. */
import { z } from 'zod';
import { limitQuerySchema } from './common.ts';

export const securityAlertSchema = z.object({
  id: z.string().describe('告警编号'),
  kind: z
    .enum(['audit_chain_broken', 'account_locked', 'admin_action_at_night', 'many_refusals'])
    .describe('audit_chain_broken：审计链校验失败；account_locked：账号被锁定；admin_action_at_night：管理员夜间（22:00–06:00）操作；many_refusals：同一账号一小时内被拒绝 20 次以上'),
  detail: z.record(z.string(), z.unknown()),
  raisedAt: z.string().describe('ISO 8601, UTC (Z)'),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type SecurityAlertDto = z.infer<typeof securityAlertSchema>;

export const listSecurityAlertsQuerySchema = z.object({
  limit: limitQuerySchema,
  open: z.enum(['true', 'false']).default('false').describe('true：只列未确认的告警'),
});
export const securityAlertListSchema = z.object({ items: z.array(securityAlertSchema) });
export const securityAlertParamsSchema = z.object({ id: z.string().regex(/^\d{1,15}$/) });
