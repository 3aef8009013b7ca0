/** Contracts of /api/audit (audit administrator). */
import { z } from 'zod';
import { instantSchema, limitQuerySchema, pageSchema } from './common.ts';

/** A name in Chinese and English (Chinese first). */
export const auditNameSchema = z.object({ zh: z.string(), en: z.string() });

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
  /** Issue 15: the names a person reads (read model only; not part of the hashed content) */
  actorPersonName: z.string().nullable().describe('操作人账号关联的人员姓名'),
  actionName: auditNameSchema.describe('操作名称'),
  entityTypeName: auditNameSchema.describe('对象类型名称'),
  entityLabel: z.string().nullable().describe('对象名称（机构名称、会议标题、议定事项、账号……）；无法识别时为 null'),
  summary: auditNameSchema.describe('变更摘要（有名称的字段）；无可摘要内容时为空字符串'),
});
export type AuditRecordDto = z.infer<typeof auditRecordSchema>;

export const listAuditQuerySchema = z.object({
  limit: limitQuerySchema,
  cursor: z.string().regex(/^\d+$/).optional().describe('上一页返回的 nextCursor'),
  actorId: z.string().max(100).optional(),
  actor: z.string().trim().max(100).optional().describe('操作人姓名、账号或关联人员姓名（部分匹配）'),
  action: z.string().max(100).optional().describe('操作代码（见 /api/audit/catalogue）'),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  q: z.string().trim().max(200).optional().describe('全文：变更内容、对象名称、操作人、操作名称（部分匹配）'),
});
export const auditPageSchema = pageSchema(auditRecordSchema).extend({
  totalIsLowerBound: z.boolean().describe('true：符合条件的记录超过 total 条（计数到上限即停止）'),
});
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

/** GET /api/audit/catalogue: the names of every action and object type, for the filters. */
const catalogueEntrySchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });
export const auditCatalogueSchema = z.object({
  actions: z.array(catalogueEntrySchema),
  entityTypes: z.array(catalogueEntrySchema),
});
export type AuditCatalogueDto = z.infer<typeof auditCatalogueSchema>;
