/** /api/bodies: publish a founding document as a body, the public list, a body's detail. */
import { z } from 'zod';
import {
  bodyDetailQuerySchema,
  bodyFilterQuerySchema,
  bodyDetailSchema,
  bodySummarySchema,
  dissolveBodyRequestSchema,
  listBodiesQuerySchema,
  listBodiesResponseSchema,
  publishBodyRequestSchema,
  publishBodyResponseSchema,
} from '../../contracts/bodies.ts';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { authorize, authorizeActor, bodyResource, can } from '../../policy/policy.ts';
import { primeBodyRoles } from '../../policy/actor.ts';
import { exportBodySummaries, getBodyDetail, listBodySummaries, summarizeBodies, toBodySummary } from '../../services/body-service.ts';
import type { BodyListFilter } from '../../services/body-service.ts';
import { registryXlsxStream } from '../../services/exports/registry-export.ts';
import { XLSX_CONTENT_TYPE } from '../../services/exports/xlsx-stream.ts';
import { attachmentDisposition } from '../content-disposition.ts';
import { dissolveBody } from '../../services/dissolution-service.ts';
import { publishBody } from '../../services/charter-service.ts';
import { toVersionSummary } from '../../services/charter-version-views.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

type BodyFilterQuery = z.infer<typeof bodyFilterQuerySchema>;

/** The registry's filters and order from the query string, as the service takes them. */
function registryFilter(q: BodyFilterQuery): BodyListFilter {
  return {
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(q.region ? { regionCode: q.region } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.q ? { q: q.q } : {}),
    sort: q.sort,
    ...(q.order ? { order: q.order } : {}),
  };
}

export const bodyRoutes: RouteModule = async (app, deps) => {
  app.post(
    '/api/bodies',
    {
      schema: {
        tags: ['bodies'],
        summary: '发布成立文件，建立议事协调机构（服务器重新导入原文并保存制度与原文）',
        body: publishBodyRequestSchema,
        response: { 201: publishBodyResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'body.create');
      const { body, version } = await publishBody(deps.db, {
        text: request.body.text,
        corrections: request.body.corrections ?? null,
        origin: auditOrigin(request, deps),
        clock: deps.clock,
      });
      const memberUnitCount = (await summarizeBodies(deps.db, { rows: [body], at: shanghaiDateOf(deps.clock.now()) }))[0]?.memberUnitCount ?? 0;
      return reply.code(201).send({ body: toBodySummary(body, memberUnitCount), charterVersion: toVersionSummary(version), findings: version.charter.findings });
    },
  );

  app.get(
    '/api/bodies',
    {
      schema: {
        tags: ['bodies'],
        summary: '议事协调机构名录（按类型、层级、地区、状态筛选，按名称搜索，游标分页）',
        querystring: listBodiesQuerySchema,
        response: { 200: listBodiesResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'body.list');
      const q = request.query;
      return listBodySummaries(deps.db, {
        ...registryFilter(q),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
        today: shanghaiDateOf(deps.clock.now()),
        mayReadInternals: (bodyId) => can(request.actor, 'body.read', bodyResource(bodyId)),
        primeReader: (bodyIds) => primeBodyRoles(request.actor, bodyIds),
      });
    },
  );

  app.get(
    '/api/bodies/export',
    {
      schema: {
        tags: ['bodies'],
        summary: '导出议事协调机构名录（XLSX，筛选与排序同列表，逐页写出）',
        querystring: bodyFilterQuerySchema,
        response: { 200: z.any().describe('XLSX 文件'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'body.list');
      const today = shanghaiDateOf(deps.clock.now());
      const rows = exportBodySummaries(deps.db, {
        ...registryFilter(request.query),
        today,
        mayReadInternals: (bodyId) => can(request.actor, 'body.read', bodyResource(bodyId)),
        primeReader: (bodyIds) => primeBodyRoles(request.actor, bodyIds),
      });
      const stamp = today.replaceAll('-', '');
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentDisposition(`议事协调机构名录-${stamp}.xlsx`, `registry-${stamp}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(registryXlsxStream(rows));
    },
  );

  app.get(
    '/api/bodies/:bodyId',
    {
      schema: {
        tags: ['bodies'],
        summary: '议事协调机构详情（成员单位按日期）',
        params: bodyParamsSchema,
        querystring: bodyDetailQuerySchema,
        response: { 200: bodyDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'body.read', bodyResource(request.params.bodyId));
      const at = request.query.at ?? shanghaiDateOf(deps.clock.now());
      const detail = await getBodyDetail(deps.db, { bodyId: request.params.bodyId, at });
      const myRoles = (await actor.bodyRoles(request.params.bodyId)).map((g) => ({ role: g.role, unitId: g.unitId }));
      return { ...detail, myRoles };
    },
  );

  app.post(
    '/api/bodies/:bodyId/dissolve',
    {
      schema: {
        tags: ['bodies'],
        summary: '撤销议事协调机构（成员与成员单位任期至撤销日止；撤销后不能再办理事项）',
        params: bodyParamsSchema,
        body: dissolveBodyRequestSchema,
        response: { 200: bodySummarySchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'body.dissolve', bodyResource(request.params.bodyId));
      const body = await dissolveBody(deps.db, {
        bodyId: request.params.bodyId,
        on: request.body.on,
        reason: request.body.reason,
        origin: auditOrigin(request, deps),
        clock: deps.clock,
      });
      const [summary] = await summarizeBodies(deps.db, { rows: [body], at: shanghaiDateOf(deps.clock.now()) });
      return summary ?? toBodySummary(body, 0);
    },
  );
};
