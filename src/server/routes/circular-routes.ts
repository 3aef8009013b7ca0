/** Status circulars (通报) of a body's open decided items. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { circularDetailSchema, circularParamsSchema, circularSummarySchema, listCircularsResponseSchema } from '../../contracts/circulars.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { createCircular, getCircularForRendering, listCirculars } from '../../services/circular-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const circularRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/circulars',
    {
      schema: {
        tags: ['circulars'],
        summary: '督办通报',
        params: bodyParamsSchema,
        response: { 200: listCircularsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'circular.read', bodyResource(request.params.bodyId));
      return { items: await listCirculars(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/circulars',
    {
      schema: {
        tags: ['circulars'],
        summary: '生成督办通报（今日所有未销号事项），通知全体成员',
        params: bodyParamsSchema,
        response: { 201: circularSummarySchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'circular.create', bodyResource(request.params.bodyId));
      const summary = await createCircular({ db: deps.db, clock: deps.clock, bodyId: request.params.bodyId, origin: auditOrigin(request, deps) });
      return reply.code(201).send(summary);
    },
  );

  app.get(
    '/api/bodies/:bodyId/circulars/:circularId',
    {
      schema: {
        tags: ['circulars'],
        summary: '督办通报详情（逐项状态、剩余或逾期工作日）',
        params: circularParamsSchema,
        response: { 200: circularDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'circular.read', bodyResource(request.params.bodyId));
      return getCircularForRendering(deps.db, request.params);
    },
  );
};
