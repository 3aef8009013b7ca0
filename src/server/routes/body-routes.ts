/** /api/bodies: publish a founding document as a body, the public list, a body's detail. */
import {
  bodyDetailQuerySchema,
  bodyDetailSchema,
  listBodiesQuerySchema,
  listBodiesResponseSchema,
  publishBodyRequestSchema,
  publishBodyResponseSchema,
} from '../../contracts/bodies.ts';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { isoDateOf } from '../../domain/directory/membership-timeline.ts';
import { authorize, authorizeActor, bodyResource } from '../../policy/policy.ts';
import { getBodyDetail, listBodySummaries, toBodySummary } from '../../services/body-service.ts';
import { publishBody } from '../../services/charter-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { toVersionSummary } from './charter-routes.ts';

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
      return reply.code(201).send({ body: toBodySummary(body), charterVersion: toVersionSummary(version), findings: version.charter.findings });
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
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.region ? { regionCode: q.region } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
      });
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
      const at = request.query.at ?? isoDateOf(deps.clock.now());
      const detail = await getBodyDetail(deps.db, { bodyId: request.params.bodyId, at });
      const myRoles = (await actor.bodyRoles(request.params.bodyId)).map((g) => ({ role: g.role, unitId: g.unitId }));
      return { ...detail, myRoles };
    },
  );
};
