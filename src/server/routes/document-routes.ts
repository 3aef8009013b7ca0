/**
 * Document downloads (issue 7): minutes, meeting notices and circulars as DOCX or PDF, supervision
 * ledgers as XLSX, meeting invitations as ICS; the signed-in person's calendar feed token; the feed
 * itself, read with its token and no session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  bodyDocumentParamsSchema,
  calendarFeedParamsSchema,
  calendarFeedStatusSchema,
  circularDocumentParamsSchema,
  createCalendarFeedResponseSchema,
  documentErrorResponses,
  documentFormatQuerySchema,
  fileResponseSchema,
  meetingDocumentParamsSchema,
  minutesDocumentParamsSchema,
  revokeCalendarFeedResponseSchema,
  unitDocumentParamsSchema,
} from '../../contracts/documents.ts';
import { authorize, authorizeActor, bodyResource, can } from '../../policy/policy.ts';
import {
  CONTENT_TYPES,
  createCalendarFeedToken,
  getCalendarFeedStatus,
  renderBodyLedger,
  renderCalendarFeed,
  renderCircularDocument,
  renderMeetingInvitation,
  renderMeetingNoticeDocument,
  renderMinutesDocument,
  renderUnitLedger,
  revokeCalendarFeedToken,
} from '../../services/document-service.ts';
import type { RenderedFile } from '../../services/document-service.ts';
import type { RouteModule } from '../app-types.ts';
import { downloadDisposition } from '../content-disposition.ts';
import { auditOrigin } from '../request-context.ts';

/** Sends a file as a download with its (Chinese) name in RFC 5987 form and an ASCII fallback that says what it is. */
function sendFile(reply: FastifyReply, file: RenderedFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', downloadDisposition(file))
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export const documentRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/minutes/:minutesId/document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载会议纪要（GB/T 9704 纪要格式 DOCX，或 PDF）',
        params: minutesDocumentParamsSchema,
        querystring: documentFormatQuerySchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.minutes', bodyResource(request.params.bodyId));
      const file = await renderMinutesDocument(deps.db, { ...request.params, clock: deps.clock, format: request.query.format });
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/bodies/:bodyId/meetings/:meetingId/notice-document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载会议通知（DOCX 或 PDF；不正式行文的机构不能以本机构名义印发）',
        params: meetingDocumentParamsSchema,
        querystring: documentFormatQuerySchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.notice', bodyResource(request.params.bodyId));
      const file = await renderMeetingNoticeDocument(deps.db, { ...request.params, clock: deps.clock, format: request.query.format });
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/bodies/:bodyId/circulars/:circularId/document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载督办通报（DOCX 或 PDF；不正式行文的机构不能以本机构名义印发）',
        params: circularDocumentParamsSchema,
        querystring: documentFormatQuerySchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.circular', bodyResource(request.params.bodyId));
      const file = await renderCircularDocument(deps.db, { ...request.params, format: request.query.format });
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/bodies/:bodyId/ledger-document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载本机构督办台账（XLSX）',
        params: bodyDocumentParamsSchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.ledger', bodyResource(request.params.bodyId));
      return sendFile(reply, await renderBodyLedger(deps.db, { bodyId: request.params.bodyId, clock: deps.clock }));
    },
  );

  app.get(
    '/api/units/:unitId/ledger-document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载某成员单位在各机构的督办台账（XLSX，每个机构一张工作表，仅含有权查看的机构）',
        params: unitDocumentParamsSchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authorizeActor(request.actor, 'document.unit_ledger');
      const file = await renderUnitLedger(deps.db, {
        unitId: request.params.unitId,
        mayRead: (bodyId) => can(actor, 'document.ledger', bodyResource(bodyId)),
        clock: deps.clock,
      });
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/bodies/:bodyId/meetings/:meetingId/invitation',
    {
      schema: {
        tags: ['documents'],
        summary: '下载会议日历邀请（ICS，RFC 5545；会议取消后为 CANCEL）',
        params: meetingDocumentParamsSchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.meeting_calendar', bodyResource(request.params.bodyId));
      return sendFile(reply, await renderMeetingInvitation(deps.db, { ...request.params, clock: deps.clock }));
    },
  );

  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['documents'],
        summary: '本人的日历订阅地址是否已开通',
        response: { 200: calendarFeedStatusSchema, ...documentErrorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'calendar_feed.manage');
      return getCalendarFeedStatus(deps.db, { accountId: actor.accountId });
    },
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['documents'],
        summary: '生成本人的日历订阅地址（原地址随即失效；密钥只显示这一次）',
        response: { 201: createCalendarFeedResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authorizeActor(request.actor, 'calendar_feed.manage');
      const created = await createCalendarFeedToken(deps.db, { accountId: actor.accountId, origin: auditOrigin(request, deps), clock: deps.clock });
      return reply.status(201).send({ ...created, url: `${baseUrl(request)}${created.path}` });
    },
  );

  app.delete(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['documents'],
        summary: '撤销本人的日历订阅地址',
        response: { 200: revokeCalendarFeedResponseSchema, ...documentErrorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'calendar_feed.manage');
      return revokeCalendarFeedToken(deps.db, { accountId: actor.accountId, origin: auditOrigin(request, deps), clock: deps.clock });
    },
  );

  app.get(
    '/api/calendar-feeds/:feedFile',
    {
      schema: {
        tags: ['documents'],
        summary: '日历订阅（ICS，凭地址中的密钥读取，无需登录）',
        params: calendarFeedParamsSchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'calendar_feed.read');
      const token = request.params.feedFile.slice(0, -'.ics'.length);
      const ics = await renderCalendarFeed(deps.db, { token, clock: deps.clock });
      return reply.type(CONTENT_TYPES.ics).header('cache-control', 'private, no-cache').send(Buffer.from(ics, 'utf8'));
    },
  );
};
