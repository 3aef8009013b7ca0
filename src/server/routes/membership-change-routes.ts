/**
 * Membership changes by the charter: a unit or the office proposes a change of a member's or
 * liaison's post; the office or the convener confirms or refuses it, as the charter says.
 */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  confirmMembershipChangeRequestSchema,
  listMembershipChangesQuerySchema,
  listMembershipChangesResponseSchema,
  membershipChangeParamsSchema,
  membershipChangeRulesSchema,
  membershipChangeSchema,
  proposeMembershipChangeRequestSchema,
  rejectMembershipChangeRequestSchema,
} from '../../contracts/membership-changes.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import {
  confirmMembershipChange,
  listMembershipChanges,
  membershipChangeRules,
  proposeMembershipChange,
  rejectMembershipChange,
} from '../../services/membership-change-service.ts';
import { getMembership } from '../../services/membership-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { membershipResource } from './membership-routes.ts';

export const membershipChangeRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/membership-changes',
    {
      schema: {
        tags: ['memberships'],
        summary: '人员调整建议及其确认记录',
        params: bodyParamsSchema,
        querystring: listMembershipChangesQuerySchema,
        response: { 200: listMembershipChangesResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'membership.read', bodyResource(request.params.bodyId));
      const { status } = request.query;
      return { items: await listMembershipChanges(deps.db, { bodyId: request.params.bodyId, ...(status === undefined ? {} : { status }) }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/membership-changes/rules',
    {
      schema: {
        tags: ['memberships'],
        summary: '各类职务调整由谁确认（依制度或系统默认），办公室可否直接登记',
        params: bodyParamsSchema,
        response: { 200: membershipChangeRulesSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'membership.read', bodyResource(request.params.bodyId));
      return { items: await membershipChangeRules(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/membership-changes',
    {
      schema: {
        tags: ['memberships'],
        summary: '提出人员调整建议（成员单位限本单位；经确认后方才生效）',
        params: bodyParamsSchema,
        body: proposeMembershipChangeRequestSchema,
        response: { 201: membershipChangeSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      const input = request.body;
      if (input.kind === 'start') {
        await authorize(request.actor, 'membership.propose', membershipResource(bodyId, input.roleKind, input.unitId));
      } else {
        await authorize(request.actor, 'membership.read', bodyResource(bodyId));
        const current = await getMembership(deps.db, { bodyId, membershipId: input.membershipId });
        await authorize(request.actor, 'membership.propose', membershipResource(bodyId, current.roleKind, current.unitId));
      }
      const item = await proposeMembershipChange(deps.db, { bodyId, input, origin: auditOrigin(request, deps) });
      return reply.code(201).send(item);
    },
  );

  app.post(
    '/api/bodies/:bodyId/membership-changes/:proposalId/confirm',
    {
      schema: {
        tags: ['memberships'],
        summary: '确认人员调整建议（按制度由办公室或召集人确认；全体会议确定的由办公室登记并注明依据）',
        params: membershipChangeParamsSchema,
        body: confirmMembershipChangeRequestSchema,
        response: { 200: membershipChangeSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, proposalId } = request.params;
      await authorize(request.actor, 'membership.confirm', bodyResource(bodyId));
      return confirmMembershipChange(deps.db, {
        bodyId,
        proposalId,
        meetingId: request.body.meetingId ?? null,
        note: request.body.note ?? null,
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.post(
    '/api/bodies/:bodyId/membership-changes/:proposalId/reject',
    {
      schema: {
        tags: ['memberships'],
        summary: '退回人员调整建议（须说明理由）',
        params: membershipChangeParamsSchema,
        body: rejectMembershipChangeRequestSchema,
        response: { 200: membershipChangeSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, proposalId } = request.params;
      await authorize(request.actor, 'membership.confirm', bodyResource(bodyId));
      return rejectMembershipChange(deps.db, { bodyId, proposalId, note: request.body.note, origin: auditOrigin(request, deps) });
    },
  );
};
