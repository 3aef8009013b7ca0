/** Escalating supervision (督办升级): the ladder, each item's rung, the office's dashboard, meeting frequency, handover. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { decisionParamsSchema } from '../../contracts/decisions.ts';
import {
  escalationDashboardSchema,
  escalationRungsResponseSchema,
  handOverDecisionRequestSchema,
  handoverOverviewSchema,
  handoverRecordSchema,
  meetingFrequencyResponseSchema,
  supervisionSettingsSchema,
  updateSupervisionSettingsRequestSchema,
} from '../../contracts/supervision.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { handOverDecision, getHandoverOverview } from '../../services/supervision/decision-handover.ts';
import { getEscalationDashboard, listEscalationStandings } from '../../services/supervision/escalation-standing.ts';
import { getMeetingFrequency } from '../../services/supervision/meeting-frequency.ts';
import { getSupervisionSettings, updateSupervisionSettings } from '../../services/supervision/supervision-settings.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const supervisionRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/supervision/rungs',
    {
      schema: {
        tags: ['supervision'],
        summary: '每项未销号督办事项今日所处的升级阶段',
        params: bodyParamsSchema,
        response: { 200: escalationRungsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.read', bodyResource(request.params.bodyId));
      return { items: await listEscalationStandings(deps.db, { bodyId: request.params.bodyId, clock: deps.clock }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/supervision/dashboard',
    {
      schema: {
        tags: ['supervision'],
        summary: '督办升级看板：按升级阶段统计未销号事项',
        params: bodyParamsSchema,
        response: { 200: escalationDashboardSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'supervision.dashboard', bodyResource(request.params.bodyId));
      return getEscalationDashboard(deps.db, { bodyId: request.params.bodyId, clock: deps.clock });
    },
  );

  app.get(
    '/api/bodies/:bodyId/supervision/settings',
    {
      schema: {
        tags: ['supervision'],
        summary: '督办升级规则（未设置时为默认值）',
        params: bodyParamsSchema,
        response: { 200: supervisionSettingsSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'supervision.dashboard', bodyResource(request.params.bodyId));
      return getSupervisionSettings(deps.db, { bodyId: request.params.bodyId });
    },
  );

  app.patch(
    '/api/bodies/:bodyId/supervision/settings',
    {
      schema: {
        tags: ['supervision'],
        summary: '设置督办升级规则（办公室）',
        params: bodyParamsSchema,
        body: updateSupervisionSettingsRequestSchema,
        response: { 200: supervisionSettingsSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'supervision_settings.manage', bodyResource(request.params.bodyId));
      return updateSupervisionSettings(deps.db, {
        clock: deps.clock,
        bodyId: request.params.bodyId,
        patch: request.body,
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.get(
    '/api/bodies/:bodyId/meeting-frequency',
    {
      schema: {
        tags: ['supervision'],
        summary: '会议频次执行情况：本年度已召开次数与制度规定次数',
        params: bodyParamsSchema,
        response: { 200: meetingFrequencyResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'body.read', bodyResource(request.params.bodyId));
      return getMeetingFrequency(deps.db, { bodyId: request.params.bodyId, clock: deps.clock });
    },
  );

  app.get(
    '/api/bodies/:bodyId/handover',
    {
      schema: {
        tags: ['supervision'],
        summary: '撤销前移交：未销号督办事项及已办理的移交',
        params: bodyParamsSchema,
        response: { 200: handoverOverviewSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'decision.hand_over', bodyResource(request.params.bodyId));
      return getHandoverOverview(deps.db, { bodyId: request.params.bodyId, clock: deps.clock });
    },
  );

  app.post(
    '/api/bodies/:bodyId/decisions/:decisionId/handover',
    {
      schema: {
        tags: ['supervision'],
        summary: '移交督办事项（后续机构或单位），或说明理由办结（办公室）',
        params: decisionParamsSchema,
        body: handOverDecisionRequestSchema,
        response: { 201: handoverRecordSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'decision.hand_over', bodyResource(request.params.bodyId));
      const record = await handOverDecision(deps.db, {
        clock: deps.clock,
        ...request.params,
        action: request.body.action,
        successorBodyId: request.body.successorBodyId ?? null,
        successorUnitId: request.body.successorUnitId ?? null,
        reason: request.body.reason,
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(record);
    },
  );
};
