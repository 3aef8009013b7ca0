/** /api/audit: the audit trail, readable only by the audit administrator. */
import { auditPageSchema, auditVerificationSchema, listAuditQuerySchema } from '../../contracts/audit.ts';
import { errorResponses } from '../../contracts/common.ts';
import { authorize } from '../../policy/policy.ts';
import { listAudit, verifyAudit } from '../../services/audit-service.ts';
import type { RouteModule } from '../app-types.ts';

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
      const q = request.query;
      const page = await listAudit(deps.db, {
        filter: {
          actorId: q.actorId,
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          result: q.result,
          from: q.from === undefined ? undefined : new Date(q.from),
          to: q.to === undefined ? undefined : new Date(q.to),
        },
        beforeSeq: q.cursor === undefined ? undefined : Number(q.cursor),
        limit: q.limit,
      });
      return {
        items: page.items,
        total: page.total,
        nextCursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq),
      };
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
};
