/** /api/audit: the audit trail, readable only by the audit administrator. */
import { z } from 'zod';
import { auditCatalogueSchema, auditPageSchema, auditVerificationSchema, exportAuditQuerySchema, listAuditQuerySchema } from '../../contracts/audit.ts';
import { errorResponses } from '../../contracts/common.ts';
import { listSecurityAlertsQuerySchema, securityAlertListSchema, securityAlertParamsSchema, securityAlertSchema } from '../../contracts/security-alerts.ts';
import type { SecurityAlertDto } from '../../contracts/security-alerts.ts';
import { auditCsvStream, auditXlsxStream } from '../../documents/audit-export.ts';
import { authorize, authorizeActor } from '../../policy/policy.ts';
import { verifyAudit } from '../../services/audit-service.ts';
import { auditTrailCatalogue, exportAuditTrail, listAuditTrail, recordAuditTrailExport } from '../../services/audit-trail-service.ts';
import type { AuditTrailQuery } from '../../services/audit-trail-service.ts';
import type { RouteModule } from '../app-types.ts';
import { acknowledgeAlert, listAlerts } from '../../services/security-alert-service.ts';
import type { SecurityAlert } from '../../services/security-alert-service.ts';
import { auditOrigin } from '../request-context.ts';
import { attachmentDisposition } from '../content-disposition.ts';

function toAlertDto(row: SecurityAlert): SecurityAlertDto {
  return {
    id: String(row.id),
    kind: securityAlertSchema.shape.kind.parse(row.kind),
    detail: (row.detail ?? {}) as Record<string, unknown>,
    raisedAt: row.raisedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
  };
}

const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The list filters of the query string, as the audit trail service takes them. */
function auditQuery(q: Omit<z.infer<typeof exportAuditQuerySchema>, 'format'>): AuditTrailQuery {
  return {
    actorId: q.actorId,
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    result: q.result,
    from: q.from === undefined ? undefined : new Date(q.from),
    to: q.to === undefined ? undefined : new Date(q.to),
    q: q.q,
  };
}

export const auditRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录（新的在前）',
        querystring: listAuditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'audit.read');
      const { cursor, limit, ...filters } = request.query;
      const page = await listAuditTrail(deps.db, {
        query: auditQuery(filters),
        beforeSeq: cursor === undefined ? undefined : Number(cursor),
        limit,
      });
      return {
        items: page.items,
        total: page.total,
        totalIsLowerBound: page.totalIsLowerBound,
        nextCursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq),
      };
    },
  );

  app.get(
    '/api/audit/catalogue',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录的操作名称与对象类型（中文、英文），供筛选使用',
        response: { 200: auditCatalogueSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'audit.read');
      return auditTrailCatalogue();
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计链（报告第一处断链）',
        response: { 200: auditVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'audit.verify');
      const result = await verifyAudit(deps.db);
      return { ok: result.ok, checked: result.checked, lastSeq: result.lastSeq, firstBreak: result.firstBreak };
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计记录（CSV 或 XLSX，筛选条件同列表，含中文操作名称、对象名称与摘要；导出本身记入审计）',
        querystring: exportAuditQuerySchema,
        response: { 200: z.any().describe('CSV（UTF-8，带 BOM）或 XLSX 文件'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'audit.export');
      const { format, ...query } = request.query;
      const filters = auditQuery(query);
      const origin = auditOrigin(request, deps);
      await recordAuditTrailExport(deps.db, { origin, query: filters, format });
      const rows = exportAuditTrail(deps.db, { query: filters });
      const stamp = origin.at.toISOString().slice(0, 10).replaceAll('-', '');
      const fileName = `审计记录-${stamp}.${format}`;
      return reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', attachmentDisposition(fileName, `audit-${stamp}.${format}`))
        .header('cache-control', 'private, no-store')
        .send(format === 'csv' ? auditCsvStream(rows) : auditXlsxStream(rows));
    },
  );

  app.get(
    '/api/security-alerts',
    {
      schema: {
        tags: ['audit'],
        summary: '安全告警（新的在前；审计链校验失败、账号锁定、管理员夜间操作、频繁被拒）',
        querystring: listSecurityAlertsQuerySchema,
        response: { 200: securityAlertListSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'security_alert.read');
      const rows = await listAlerts(deps.db, { limit: request.query.limit, open: request.query.open === 'true' });
      return { items: rows.map(toAlertDto) };
    },
  );

  app.post(
    '/api/security-alerts/:id/acknowledge',
    {
      schema: {
        tags: ['audit'],
        summary: '确认安全告警（审计管理员）',
        params: securityAlertParamsSchema,
        response: { 200: securityAlertSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'security_alert.acknowledge');
      const origin = auditOrigin(request, deps);
      const row = await acknowledgeAlert(deps.db, { id: Number(request.params.id), origin: { ...origin, actorId: actor.accountId } });
      return toAlertDto(row);
    },
  );
};
