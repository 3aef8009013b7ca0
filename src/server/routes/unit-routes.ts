/** /api/units: the shared unit directory and a unit's page; a body's member units. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  bodyUnitsQuerySchema,
  bodyUnitsResponseSchema,
  listUnitsQuerySchema,
  listUnitsResponseSchema,
  unitPageResponseSchema,
  unitParamsSchema,
} from '../../contracts/units.ts';
import { authorize, bodyResource, can } from '../../policy/policy.ts';
import { getUnitPage, listBodyMemberUnits, listDirectoryUnits } from '../../services/unit-service.ts';
import type { RouteModule } from '../app-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

export const unitRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '成员单位名录（各机构共用）',
        querystring: listUnitsQuerySchema,
        response: { 200: listUnitsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'unit.directory');
      const { q, region, cursor, limit } = request.query;
      return listDirectoryUnits(deps.db, {
        q,
        ...(region === undefined ? {} : { regionCode: region === 'national' ? null : region }),
        cursor,
        limit,
      });
    },
  );

  app.get(
    '/api/units/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: '成员单位页面：所在的各机构及其在其中的角色（仅限本人可查看的机构）',
        params: unitParamsSchema,
        response: { 200: unitPageResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'unit.directory');
      return getUnitPage(deps.db, {
        unitId: request.params.unitId,
        mayRead: (bodyId) => can(request.actor, 'body.read', bodyResource(bodyId)),
        today: shanghaiDateOf(deps.clock.now()),
      });
    },
  );

  app.get(
    '/api/bodies/:bodyId/units',
    {
      schema: {
        tags: ['units'],
        summary: '机构的成员单位（按日期）',
        params: bodyParamsSchema,
        querystring: bodyUnitsQuerySchema,
        response: { 200: bodyUnitsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'unit.read', bodyResource(request.params.bodyId));
      const at = request.query.at ?? shanghaiDateOf(deps.clock.now());
      return { at, items: await listBodyMemberUnits(deps.db, { bodyId: request.params.bodyId, at }) };
    },
  );
};
