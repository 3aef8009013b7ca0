/** A body's groups (专题组 / 保障组 / 协调类别) with their lead and member units. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { correctGroupRequestSchema, groupParamsSchema, groupSchema, listGroupsResponseSchema } from '../../contracts/groups.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { correctGroup, getGroup, listGroups } from '../../services/group-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

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

  app.put(
    '/api/bodies/:bodyId/groups/:groupId',
    {
      schema: {
        tags: ['groups'],
        summary: '办公室调整工作组的牵头单位、成员单位和组长、副组长（作为更正保存，重新导入制度后仍然有效）',
        params: groupParamsSchema,
        body: correctGroupRequestSchema,
        response: { 200: groupSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, groupId } = request.params;
      await authorize(request.actor, 'group.manage', bodyResource(bodyId));
      const { leadUnitIds, memberUnitIds, leaders, reason } = request.body;
      return correctGroup(deps.db, {
        bodyId,
        groupId,
        input: {
          ...(leadUnitIds === undefined ? {} : { leadUnitIds }),
          ...(memberUnitIds === undefined ? {} : { memberUnitIds }),
          ...(leaders === undefined ? {} : { leaders }),
          reason,
        },
        origin: auditOrigin(request, deps),
        now: deps.clock.now(),
      });
    },
  );
};
