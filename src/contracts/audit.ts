/** Contracts of /api/audit (audit administrator). */
import { z } from 'zod';
import { instantSchema, limitQuerySchema, pageSchema } from './common.ts';

export const auditRecordSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string().describe('ISO 8601, UTC (Z)'),
  actorId: z.string().nullable(),
  /** The actor's account (read model only; not part of the hashed content) */
  actorUsername: z.string().nullable(),
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
  result: z.enum(['success', 'failure']).describe('success：已完成；failure：被拒绝或失败'),
  hashVersion: z.number().int().describe('1：SM3（0009 之前）；2：HMAC-SM3（带审计密钥）'),
});
export type AuditRecordDto = z.infer<typeof auditRecordSchema>;

export const listAuditQuerySchema = z.object({
  limit: limitQuerySchema,
  cursor: z.string().regex(/^\d+$/).optional().describe('上一页返回的 nextCursor'),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
});
export const auditPageSchema = pageSchema(auditRecordSchema);
export type AuditPageDto = z.infer<typeof auditPageSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  firstBreak: z
    .object({
      kind: z.enum([
        'sequence_gap',
        'prev_hash_mismatch',
        'hash_mismatch',
        'head_mismatch',
        'version_downgrade',
        'truncated',
        'anchor_mismatch',
        'anchor_invalid',
      ]),
      seq: z.number().int(),
      expectedSeq: z.number().int(),
      message: z.string(),
    })
    .nullable(),
});
export type AuditVerificationDto = z.infer<typeof auditVerificationSchema>;

/** GET /api/audit/export: the filters of the audit list (no paging) and the file format. */
export const exportAuditQuerySchema = listAuditQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv').describe('csv：UTF-8（带 BOM，Excel 可直接打开）；xlsx：Excel 工作簿'),
});
