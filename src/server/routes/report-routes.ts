/** Information reports (信息报送): submit once to several bodies, the office's decisions, settings, compliance and a unit's tally. */
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  decideReportOfferRequestSchema,
  listReportOffersQuerySchema,
  listReportOffersResponseSchema,
  reportAttachmentParamsSchema,
  reportComplianceSchema,
  reportOfferParamsSchema,
  reportOfferSchema,
  reportSettingsSchema,
  submitReportRequestSchema,
  submitReportResponseSchema,
  unitReportTallyQuerySchema,
  unitReportTallySchema,
  updateReportSettingsRequestSchema,
} from '../../contracts/reports.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { decideReportOffer } from '../../services/reports/decide-report.ts';
import { getReportSettings, updateReportSettings } from '../../services/reports/report-settings.ts';
import { getReportAttachment, getReportCompliance, getReportOffer, getUnitReportTally, listReportOffers } from '../../services/reports/report-views.ts';
import { submitReport } from '../../services/reports/submit-report.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { downloadDisposition } from '../content-disposition.ts';

export const reportRoutes: RouteModule = async (app, deps) => {
  app.post(
    '/api/info-reports',
    {
      schema: {
        tags: ['info-reports'],
        summary: '报送工作信息：本单位填写一次，可同时报送所在的多个机构（一次报送）',
        body: submitReportRequestSchema,
        response: { 201: submitReportResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const input = request.body;
      for (const offer of input.offers) await authorize(request.actor, 'info_report.submit', bodyResource(offer.bodyId, input.unitId));
      const result = await submitReport(deps.db, { ...input, origin: auditOrigin(request, deps) });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports',
    {
      schema: {
        tags: ['info-reports'],
        summary: '本机构收到的报送信息（办公室看全部；成员单位以 unitId 看本单位的）',
        params: bodyParamsSchema,
        querystring: listReportOffersQuerySchema,
        response: { 200: listReportOffersResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      const { unitId, period, status } = request.query;
      if (unitId === undefined) await authorize(request.actor, 'info_report.compliance', bodyResource(bodyId));
      else await authorize(request.actor, 'info_report.read_own', bodyResource(bodyId, unitId));
      const filter = { ...(unitId === undefined ? {} : { unitId }), ...(period === undefined ? {} : { period }), ...(status === undefined ? {} : { status }) };
      return { items: await listReportOffers(deps.db, { bodyId, filter }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports/settings',
    {
      schema: {
        tags: ['info-reports'],
        summary: '信息报送规则：制度规定的，或制度未规定时办公室启用的默认规则；信息类别和提醒',
        params: bodyParamsSchema,
        response: { 200: reportSettingsSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'info_report.compliance', bodyResource(request.params.bodyId));
      return getReportSettings(deps.db, { bodyId: request.params.bodyId });
    },
  );

  app.put(
    '/api/bodies/:bodyId/info-reports/settings',
    {
      schema: {
        tags: ['info-reports'],
        summary: '办公室设置信息报送（制度未规定时启用并选定默认规则；信息类别；提醒提前天数）',
        params: bodyParamsSchema,
        body: updateReportSettingsRequestSchema,
        response: { 200: reportSettingsSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'info_report_settings.manage', bodyResource(request.params.bodyId));
      return updateReportSettings({ db: deps.db, clock: deps.clock, bodyId: request.params.bodyId, patch: request.body, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports/compliance',
    {
      schema: {
        tags: ['info-reports'],
        summary: '信息报送完成情况：本期谁未完成，各报送单位近12个月',
        params: bodyParamsSchema,
        response: { 200: reportComplianceSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'info_report.compliance', bodyResource(request.params.bodyId));
      return getReportCompliance(deps.db, { bodyId: request.params.bodyId, today: shanghaiDateOf(deps.clock.now()) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports/tally',
    {
      schema: {
        tags: ['info-reports'],
        summary: '本单位在本机构的信息报送完成情况（本期和近12个月），以及可同时报送的其他机构',
        params: bodyParamsSchema,
        querystring: unitReportTallyQuerySchema,
        response: { 200: unitReportTallySchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      await authorize(request.actor, 'info_report.read_own', bodyResource(bodyId, request.query.unitId));
      return getUnitReportTally(deps.db, { bodyId, unitId: request.query.unitId, today: shanghaiDateOf(deps.clock.now()) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports/:offerId',
    {
      schema: {
        tags: ['info-reports'],
        summary: '一篇报送信息',
        params: reportOfferParamsSchema,
        response: { 200: reportOfferSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      await authorize(request.actor, 'body.read', bodyResource(bodyId));
      const offer = await getReportOffer(deps.db, request.params);
      await authorize(request.actor, 'info_report.read_own', bodyResource(bodyId, offer.unitId));
      return offer;
    },
  );

  app.get(
    '/api/bodies/:bodyId/info-reports/:offerId/attachments/:attachmentId',
    {
      schema: {
        tags: ['info-reports'],
        summary: '下载报送信息的附件',
        params: reportAttachmentParamsSchema,
        response: { 200: z.any().describe('附件内容'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const { bodyId, offerId } = request.params;
      await authorize(request.actor, 'body.read', bodyResource(bodyId));
      const offer = await getReportOffer(deps.db, { bodyId, offerId });
      await authorize(request.actor, 'info_report.read_own', bodyResource(bodyId, offer.unitId));
      const file = await getReportAttachment(deps.db, request.params);
      return reply
        .type(file.mediaType)
        .header('content-disposition', downloadDisposition(file, 'info-report-attachment'))
        .send(file.content);
    },
  );

  app.post(
    '/api/bodies/:bodyId/info-reports/:offerId/decision',
    {
      schema: {
        tags: ['info-reports'],
        summary: '办公室处理报送信息：采用入库、退回（说明理由）或采编',
        params: reportOfferParamsSchema,
        body: decideReportOfferRequestSchema,
        response: { 200: reportOfferSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'info_report.review', bodyResource(request.params.bodyId));
      return decideReportOffer(deps.db, { ...request.params, decision: request.body.decision, reason: request.body.reason, origin: auditOrigin(request, deps) });
    },
  );
};
