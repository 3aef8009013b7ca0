/** GET /api/workspace: 我的工作台 in one request (issue 15 point 7). */
import { errorResponses } from '../../contracts/common.ts';
import { workspaceResponseSchema } from '../../contracts/workspace.ts';
import { primeBodyRoles } from '../../policy/actor.ts';
import { authorizeActor, bodyResource, can } from '../../policy/policy.ts';
import { getWorkspace } from '../../services/workspace-service.ts';
import type { RouteModule } from '../app-types.ts';

export const workspaceRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/workspace',
    {
      schema: {
        tags: ['workspace'],
        summary: '我的工作台：本人所在机构、本单位待办、会议、办公室看板、站内消息（一次取得首屏所需）',
        response: { 200: workspaceResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'workspace.read');
      return getWorkspace(deps.db, {
        clock: deps.clock,
        reader: { accountId: actor.accountId, personId: actor.personId },
        may: (action, bodyId, unitId) => can(actor, action, bodyResource(bodyId, unitId ?? null)),
        primeReader: (bodyIds) => primeBodyRoles(actor, bodyIds),
      });
    },
  );
};
