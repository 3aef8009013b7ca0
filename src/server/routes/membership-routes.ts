/** A body's memberships: as of a date, start one, end one, change who holds a post. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  changeMembershipRequestSchema,
  changeMembershipResponseSchema,
  endMembershipRequestSchema,
  listMembershipsQuerySchema,
  listMembershipsResponseSchema,
  membershipParamsSchema,
  membershipSchema,
  startMembershipRequestSchema,
} from '../../contracts/memberships.ts';
import type { RoleKind } from '../../domain/charter/charter-types.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import type { Resource } from '../../policy/policy.ts';
import { changeMembership, endMembership, getMembership, listMemberships, startMembership } from '../../services/membership-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

/**
 * The record a membership change touches: a member's or liaison's record belongs to their member
 * unit (so that unit's liaison may change it); a convener's or deputy convener's to the body alone.
 */
export function membershipResource(bodyId: string, roleKind: RoleKind, unitId: string | null): Resource {
  return bodyResource(bodyId, roleKind === 'member' || roleKind === 'liaison' ? unitId : null);
}

export const membershipRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/memberships',
    {
      schema: {
        tags: ['memberships'],
        summary: '成员任职记录（给出 at 时为该日在任者，否则为全部历史）',
        params: bodyParamsSchema,
        querystring: listMembershipsQuerySchema,
        response: { 200: listMembershipsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'membership.read', bodyResource(request.params.bodyId));
      const { at, roleKind, unitId } = request.query;
      const items = await listMemberships(deps.db, {
        bodyId: request.params.bodyId,
        ...(at !== undefined ? { at } : {}),
        ...(roleKind !== undefined ? { roleKind } : {}),
        ...(unitId !== undefined ? { unitId } : {}),
      });
      return { at: at ?? null, items };
    },
  );

  app.post(
    '/api/bodies/:bodyId/memberships',
    {
      schema: {
        tags: ['memberships'],
        summary: '办公室直接登记新增任职（制度规定由办公室确认的调整，或填补空缺；否则须提交调整建议）',
        params: bodyParamsSchema,
        body: startMembershipRequestSchema,
        response: { 201: membershipSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const input = request.body;
      await authorize(request.actor, 'membership.manage', membershipResource(request.params.bodyId, input.roleKind, input.unitId));
      const item = await startMembership(deps.db, {
        bodyId: request.params.bodyId,
        input: {
          roleKind: input.roleKind,
          title: input.title,
          unitId: input.unitId,
          personId: input.personId ?? null,
          personName: input.personName ?? null,
          position: input.position,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
        },
        reason: input.reason ?? null,
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(item);
    },
  );

  app.post(
    '/api/bodies/:bodyId/memberships/:membershipId/end',
    {
      schema: {
        tags: ['memberships'],
        summary: '办公室直接登记结束任职（validTo 为不再任职的第一天；制度另有规定的须提交调整建议）',
        params: membershipParamsSchema,
        body: endMembershipRequestSchema,
        response: { 200: membershipSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, membershipId } = request.params;
      await authorize(request.actor, 'membership.read', bodyResource(bodyId));
      const current = await getMembership(deps.db, { bodyId, membershipId });
      await authorize(request.actor, 'membership.manage', membershipResource(bodyId, current.roleKind, current.unitId));
      return endMembership(deps.db, {
        bodyId,
        membershipId,
        validTo: request.body.validTo,
        reason: request.body.reason ?? null,
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.post(
    '/api/bodies/:bodyId/memberships/:membershipId/change',
    {
      schema: {
        tags: ['memberships'],
        summary: '办公室直接登记人员变更：原任职于 date 结束，继任者自 date 起任职（制度另有规定的须提交调整建议）',
        params: membershipParamsSchema,
        body: changeMembershipRequestSchema,
        response: { 200: changeMembershipResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, membershipId } = request.params;
      await authorize(request.actor, 'membership.read', bodyResource(bodyId));
      const current = await getMembership(deps.db, { bodyId, membershipId });
      await authorize(request.actor, 'membership.manage', membershipResource(bodyId, current.roleKind, current.unitId));
      const { date, personId, personName, position, title, reason } = request.body;
      return changeMembership(deps.db, {
        bodyId,
        membershipId,
        date,
        successor: {
          personId: personId ?? null,
          personName: personName ?? null,
          ...(position !== undefined ? { position } : {}),
          ...(title !== undefined ? { title } : {}),
        },
        reason: reason ?? null,
        origin: auditOrigin(request, deps),
      });
    },
  );
};
