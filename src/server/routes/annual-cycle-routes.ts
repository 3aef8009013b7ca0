/** The annual cycle (年度工作报告): where the year stands, the collection, each unit's task, the compiled report and its DOCX. */
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import {
  annualTaskParamsSchema,
  annualTaskSchema,
  annualYearParamsSchema,
  annualYearSchema,
  compileAnnualReportRequestSchema,
  decideAnnualTaskRequestSchema,
  draftWorkPlanRequestSchema,
  startAnnualCollectionRequestSchema,
  submitAnnualTaskRequestSchema,
  workPlanSchema,
} from '../../contracts/annual-cycle.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import {
  compileAnnualReport,
  decideAnnualTask,
  getAnnualYear,
  remindAnnualTask,
  renderAnnualReport,
  startAnnualCollection,
  submitAnnualTask,
} from '../../services/annual-cycle/annual-cycle.ts';
import { adoptWorkPlan, draftWorkPlan } from '../../services/annual-cycle/work-plan.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { downloadDisposition } from '../content-disposition.ts';

export const annualCycleRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/annual-cycle/:year',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '本机构该年度的年度工作报告进度：制度规定、征集任务和汇总情况',
        params: annualYearParamsSchema,
        response: { 200: annualYearSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.read', bodyResource(request.params.bodyId));
      return getAnnualYear(deps.db, { ...request.params, today: shanghaiDateOf(deps.clock.now()) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-cycle/:year/collection',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '办公室按制度发起该年度的年度工作报告征集（各报送单位一项任务，工作日截止）',
        params: annualYearParamsSchema,
        body: startAnnualCollectionRequestSchema,
        response: { 201: annualYearSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      const result = await startAnnualCollection(deps.db, { ...request.params, deadline: request.body.deadline, origin: auditOrigin(request, deps) });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-tasks/:taskId/submission',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '成员单位报送本单位的年度工作报告',
        params: annualTaskParamsSchema,
        body: submitAnnualTaskRequestSchema,
        response: { 200: annualTaskSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_task.submit', bodyResource(request.params.bodyId, request.body.unitId));
      return submitAnnualTask(deps.db, { ...request.params, unitId: request.body.unitId, text: request.body.text, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-tasks/:taskId/decision',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '办公室采用或退回（说明理由）单位报送的年度工作报告',
        params: annualTaskParamsSchema,
        body: decideAnnualTaskRequestSchema,
        response: { 200: annualTaskSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      return decideAnnualTask(deps.db, { ...request.params, decision: request.body.decision, reason: request.body.reason, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-tasks/:taskId/reminder',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '办公室催报未报送年度工作报告的单位',
        params: annualTaskParamsSchema,
        response: { 200: annualTaskSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      return remindAnnualTask(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-cycle/:year/compilation',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '办公室汇总编制本机构的年度工作报告，并按制度拟制报送的发文',
        params: annualYearParamsSchema,
        body: compileAnnualReportRequestSchema,
        response: { 200: annualYearSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      return compileAnnualReport(deps.db, { ...request.params, text: request.body.text, issue: request.body.issue, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/annual-cycle/:year/annual-report.docx',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '下载本机构该年度的年度工作报告（DOCX）',
        params: annualYearParamsSchema,
        response: { 200: z.any().describe('DOCX'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'annual_cycle.read', bodyResource(request.params.bodyId));
      const file = await renderAnnualReport(deps.db, request.params);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', downloadDisposition(file, 'annual-report'))
        .send(file.content);
    },
  );

  app.put(
    '/api/bodies/:bodyId/annual-cycle/:year/work-plan',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '办公室起草或修改年度工作要点，并列入全体会议议题（制度要求时）',
        params: annualYearParamsSchema,
        body: draftWorkPlanRequestSchema,
        response: { 200: workPlanSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      return draftWorkPlan(deps.db, { ...request.params, text: request.body.text, agendaItemId: request.body.agendaItemId, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/annual-cycle/:year/work-plan/adoption',
    {
      schema: {
        tags: ['annual-cycle'],
        summary: '记录全体会议审议通过年度工作要点（所列议题已审核、会议已召开）',
        params: annualYearParamsSchema,
        response: { 200: workPlanSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'annual_cycle.manage', bodyResource(request.params.bodyId));
      return adoptWorkPlan(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );
};
