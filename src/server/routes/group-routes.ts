/** A body's groups (专题组 / 保障组 / 协调类别) with their lead and member units. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { groupParamsSchema, groupSchema, listGroupsResponseSchema } from '../../contracts/groups.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { getGroup, listGroups } from '../../services/group-service.ts';
import type { RouteModule } from '../app-types.ts';

export const groupRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/groups',
    {
      schema: {
        tags: ['groups'],
        summary: '工作组（专题组、保障组、协调类别）',
        params: bodyParamsSchema,
        response: { 200: listGroupsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'group.read', bodyResource(request.params.bodyId));
      return { items: await listGroups(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/groups/:groupId',
    {
      schema: {
        tags: ['groups'],
        summary: '工作组详情',
        params: groupParamsSchema,
        response: { 200: groupSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'group.read', bodyResource(request.params.bodyId));
      return getGroup(deps.db, { bodyId: request.params.bodyId, groupId: request.params.groupId });
    },
  );
};
