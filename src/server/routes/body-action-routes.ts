/**
 * `GET /api/bodies/:bodyId/actions` (issue 15): what the current person may do on the body page
 * (dissolve, publish, new meeting, the meeting notice in the body's own name, circulars, the
 * ledger), decided on the server so that the page offers nothing the server would refuse.
 */
import { bodyActionsResponseSchema } from '../../contracts/body-actions.ts';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { bodyPageActions } from '../../services/resource-actions/body-page-actions.ts';
import type { RouteModule } from '../app-types.ts';

export const bodyActionRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/actions',
    {
      schema: {
        tags: ['bodies'],
        summary: '当前用户在本机构页面可进行的操作（撤销、新建会议、以本机构名义印发会议通知等）',
        params: bodyParamsSchema,
        response: { 200: bodyActionsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      await authorize(request.actor, 'body.read', bodyResource(bodyId));
      return { bodyId, actions: await bodyPageActions(deps.db, { actor: request.actor, bodyId, now: deps.clock.now() }) };
    },
  );
};
