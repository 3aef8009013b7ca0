/** Decisions under supervision (督办): list, detail, progress, completion, close, send back, extensions; a unit's open items. */
import { primeBodyRoles } from '../../policy/actor.ts';
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  attachmentParamsSchema,
  closeDecisionRequestSchema,
  completionReportRequestSchema,
  decideExtensionRequestSchema,
  decisionDetailSchema,
  decisionFilterQuerySchema,
  decisionParamsSchema,
  extensionParamsSchema,
  extensionRequestSchema,
  extensionResponseSchema,
  listDecisionsQuerySchema,
  listDecisionsResponseSchema,
  progressReportRequestSchema,
  progressReportResponseSchema,
  sendBackRequestSchema,
  unitDecisionsParamsSchema,
  unitDecisionsResponseSchema,
} from '../../contracts/decisions.ts';
import { okResponseSchema } from '../../contracts/common.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, bodyResource, can } from '../../policy/policy.ts';
import { closeDecision, sendBackDecision } from '../../services/decisions/close-decision.ts';
import { getDecision } from '../../services/decisions/decision-detail.ts';
import { decisionUnitIds, exportDecisionItems, listDecisionPage, listUnitOpenDecisions } from '../../services/decisions/decision-views.ts';
import type { DecisionListOptions } from '../../services/decisions/decision-views.ts';
import { decisionListXlsxStream } from '../../services/exports/decisions-export.ts';
import { XLSX_CONTENT_TYPE } from '../../services/exports/xlsx-stream.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { decideExtension, requestExtension } from '../../services/decisions/extensions.ts';
import { getAttachment, reportCompletion, reportProgress } from '../../services/decisions/progress-reports.ts';
import { decisionActions } from '../../services/resource-actions/decision-actions.ts';
import type { AppDeps, LianxiApp, RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { attachmentDisposition, downloadDisposition } from '../content-disposition.ts';

/**
 * The unit a report is made for: the one named, else the actor's own unit among the decision's
 * (the lead unit first). Office staff must name it.
 */
async function actingUnit(deps: AppDeps, actor: Actor | null, bodyId: string, decisionId: string, named: string | undefined, leadOnly: boolean): Promise<string> {
  // Outside the body: refused before anything about the decision is looked up
  await authorize(actor, 'decision.read', bodyResource(bodyId));
  if (named !== undefined) return named;
  const { leadUnitId, coUnitIds } = await decisionUnitIds(deps.db, { bodyId, decisionId });
  const candidates = leadOnly ? [leadUnitId] : [leadUnitId, ...coUnitIds];
  const grants = actor === null ? [] : await actor.bodyRoles(bodyId);
  const found = candidates.find((unitId) => grants.some((g) => g.unitId === unitId && (g.role === 'liaison' || g.role === 'member')));
  if (found === undefined) throw new AppError('unit_required', '请指定报送单位（本人不是该事项承办单位的联络员或成员）', { field: 'unitId' });
  return found;
}

/** What tells the report routes apart: progress (主办或协办单位) and completion (主办单位 only). */
interface ReportRoute {
  path: string;
  summary: string;
  body: typeof progressReportRequestSchema | typeof completionReportRequestSchema;
  /** Only the lead unit may make the report (办结) */
  leadOnly: boolean;
  report: typeof reportProgress | typeof reportCompletion;
}

/**
 * A report route (进展, 办结): a unit's report with attachments (up to 20 MB in all), made for the
 * unit named or the actor's own (actingUnit), answered 201 with the report's id.
 */
function registerReportRoute(app: LianxiApp, deps: AppDeps, route: ReportRoute): void {
  app.post(
    route.path,
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['decisions'],
        summary: route.summary,
        params: decisionParamsSchema,
        body: route.body,
        response: { 201: progressReportResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const { bodyId, decisionId } = request.params;
      const unitId = await actingUnit(deps, request.actor, bodyId, decisionId, request.body.unitId, route.leadOnly);
      await authorize(request.actor, 'decision.report', bodyResource(bodyId, unitId));
      const result = await route.report(deps.db, {
        clock: deps.clock,
        bodyId,
        decisionId,
        unitId,
        text: request.body.text,
        attachments: request.body.attachments,
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(result);
    },
  );
}

/** The filters and order of a body's decided items from the query string (list and export). */
function decisionListOptions(deps: AppDeps, bodyId: string, q: z.infer<typeof decisionFilterQuerySchema>): DecisionListOptions {
  return {
    clock: deps.clock,
    bodyId,
    ...(q.unitId === undefined ? {} : { unitId: q.unitId }),
    ...(q.leadUnitId === undefined ? {} : { leadUnitId: q.leadUnitId }),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
    ...(q.minutesId === undefined ? {} : { minutesId: q.minutesId }),
    ...(q.q === undefined || q.q === '' ? {} : { q: q.q }),
    sort: q.sort,
    order: q.order,
  };
}

export const decisionRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary: '督办事项（可按承办单位、状态、是否逾期筛选）',
        params: bodyParamsSchema,
        querystring: listDecisionsQuerySchema,
        response: { 200: listDecisionsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.read', bodyResource(request.params.bodyId));
      const q = request.query;
      return listDecisionPage(deps.db, {
        ...decisionListOptions(deps, request.params.bodyId, q),
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        limit: q.limit,
      });
    },
  );

  app.get(
    '/api/bodies/:bodyId/decisions/export',
    {
      schema: {
        tags: ['decisions'],
        summary: '导出筛选后的督办事项列表（XLSX，筛选与排序同列表，列同表格，逐页写出）',
        params: bodyParamsSchema,
        querystring: decisionFilterQuerySchema,
        response: { 200: z.any().describe('XLSX 文件'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'decision.read', bodyResource(request.params.bodyId));
      const rows = exportDecisionItems(deps.db, decisionListOptions(deps, request.params.bodyId, request.query));
      const stamp = shanghaiDateOf(deps.clock.now()).replaceAll('-', '');
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentDisposition(`议定事项-${stamp}.xlsx`, `decisions-${stamp}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(decisionListXlsxStream(rows));
    },
  );

  app.get(
    '/api/bodies/:bodyId/decisions/:decisionId',
    {
      schema: {
        tags: ['decisions'],
        summary: '督办事项详情：期限沿革、延期申请、进展、提醒及时间线',
        params: decisionParamsSchema,
        response: { 200: decisionDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.read', bodyResource(request.params.bodyId));
      const decision = await getDecision(deps.db, { clock: deps.clock, ...request.params });
      return { ...decision, actions: await decisionActions({ actor: request.actor, decision }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/decisions/:decisionId/attachments/:attachmentId',
    {
      schema: {
        tags: ['decisions'],
        summary: '下载进展附件',
        params: attachmentParamsSchema,
        response: { 200: z.any().describe('附件内容'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'decision.read', bodyResource(request.params.bodyId));
      const file = await getAttachment(deps.db, request.params);
      return reply
        .type(file.mediaType)
        .header('content-disposition', downloadDisposition(file, 'progress-attachment'))
        .send(file.content);
    },
  );

  registerReportRoute(app, deps, {
    path: '/api/bodies/:bodyId/decisions/:decisionId/progress-reports',
    summary: '报送办理进展（主办或协办单位）',
    body: progressReportRequestSchema,
    leadOnly: false,
    report: reportProgress,
  });

  registerReportRoute(app, deps, {
    path: '/api/bodies/:bodyId/decisions/:decisionId/completion',
    summary: '报送办结（主办单位，附佐证材料）',
    body: completionReportRequestSchema,
    leadOnly: true,
    report: reportCompletion,
  });

  app.post(
    '/api/bodies/:bodyId/decisions/:decisionId/close',
    {
      schema: {
        tags: ['decisions'],
        summary: '销号（办公室）',
        params: decisionParamsSchema,
        body: closeDecisionRequestSchema,
        response: { 200: okResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.supervise', bodyResource(request.params.bodyId));
      await closeDecision(deps.db, { clock: deps.clock, ...request.params, note: request.body.note, origin: auditOrigin(request, deps) });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/bodies/:bodyId/decisions/:decisionId/send-back',
    {
      schema: {
        tags: ['decisions'],
        summary: '退回办结报告（办公室）',
        params: decisionParamsSchema,
        body: sendBackRequestSchema,
        response: { 200: okResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.supervise', bodyResource(request.params.bodyId));
      await sendBackDecision(deps.db, { clock: deps.clock, ...request.params, reason: request.body.reason, origin: auditOrigin(request, deps) });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/bodies/:bodyId/decisions/:decisionId/extension-requests',
    {
      schema: {
        tags: ['decisions'],
        summary: '申请延期（承办单位）',
        params: decisionParamsSchema,
        body: extensionRequestSchema,
        response: { 201: extensionResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const { bodyId, decisionId } = request.params;
      const unitId = await actingUnit(deps, request.actor, bodyId, decisionId, request.body.unitId, false);
      await authorize(request.actor, 'decision.request_extension', bodyResource(bodyId, unitId));
      const result = await requestExtension(deps.db, {
        clock: deps.clock,
        bodyId,
        decisionId,
        unitId,
        requestedDeadline: request.body.requestedDeadline,
        reason: request.body.reason,
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/bodies/:bodyId/decisions/:decisionId/extension-requests/:extensionRequestId/decision',
    {
      schema: {
        tags: ['decisions'],
        summary: '审核延期申请（办公室）',
        params: extensionParamsSchema,
        body: decideExtensionRequestSchema,
        response: { 200: okResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.supervise', bodyResource(request.params.bodyId));
      await decideExtension(deps.db, {
        clock: deps.clock,
        ...request.params,
        approve: request.body.approve,
        note: request.body.note,
        origin: auditOrigin(request, deps),
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/units/:unitId/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary: '某单位在其所在各机构的未销号督办事项',
        params: unitDecisionsParamsSchema,
        response: { 200: unitDecisionsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'unit.directory');
      const actor = request.actor;
      const items = await listUnitOpenDecisions(deps.db, {
        clock: deps.clock,
        unitId: request.params.unitId,
        mayRead: (bodyId) => can(actor, 'decision.read', bodyResource(bodyId)),
        primeReader: (bodyIds) => primeBodyRoles(actor, bodyIds),
      });
      return { items };
    },
  );
};
