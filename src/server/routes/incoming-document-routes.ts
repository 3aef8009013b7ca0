/**
 * Incoming documents (收文 / 批办 / 转办): list, detail, register, assign or forward, reply, close,
 * send back, attachments; a unit's cross-body obligations ("what my unit owes").
 */
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { okResponseSchema } from '../../contracts/common.ts';
import {
  assignIncomingDocumentRequestSchema,
  closeIncomingDocumentRequestSchema,
  incomingAttachmentParamsSchema,
  incomingDocumentItemSchema,
  incomingDocumentParamsSchema,
  listIncomingDocumentsQuerySchema,
  listIncomingDocumentsResponseSchema,
  registerIncomingDocumentRequestSchema,
  registerIncomingDocumentResponseSchema,
  replyIncomingDocumentRequestSchema,
  sendBackIncomingDocumentRequestSchema,
  unitObligationsParamsSchema,
  unitObligationsResponseSchema,
} from '../../contracts/incoming-documents.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, bodyResource, can } from '../../policy/policy.ts';
import { assignIncomingDocument, closeIncomingDocument, incomingLeadUnit, replyIncomingDocument, sendBackIncomingDocument } from '../../services/incoming-documents/incoming-steps.ts';
import { getIncomingDocument, listIncomingDocuments } from '../../services/incoming-documents/incoming-views.ts';
import type { IncomingDocumentItem } from '../../services/incoming-documents/incoming-views.ts';
import { primeBodyRoles } from '../../policy/actor.ts';
import type { Actor } from '../../policy/actor.ts';
import { getIncomingAttachment, registerIncomingDocument } from '../../services/incoming-documents/register-incoming.ts';
import { listUnitObligations } from '../../services/incoming-documents/unit-obligations.ts';
import type { RouteModule } from '../app-types.ts';
import { downloadDisposition } from '../content-disposition.ts';
import { auditOrigin } from '../request-context.ts';

type ItemAction = 'assign' | 'reply' | 'close';

/** The steps the actor may take on the document now: the policy's answer and the status's. */
async function withAllowedActions(actor: Actor | null, item: IncomingDocumentItem): Promise<IncomingDocumentItem & { allowedActions: ItemAction[] }> {
  const allowed: ItemAction[] = [];
  if (item.status === 'registered' && (await can(actor, 'incoming_document.assign', bodyResource(item.bodyId)))) allowed.push('assign');
  if (item.status === 'assigned' && item.leadUnit !== null && (await can(actor, 'incoming_document.reply', bodyResource(item.bodyId, item.leadUnit.unitId)))) allowed.push('reply');
  if (item.status === 'replied' && (await can(actor, 'incoming_document.close', bodyResource(item.bodyId)))) allowed.push('close');
  return { ...item, allowedActions: allowed };
}

export const incomingDocumentRoutes: RouteModule = async (app, deps) => {
  /** One document as the actor sees it. */
  const one = async (actor: Actor | null, params: { bodyId: string; documentId: string }) =>
    withAllowedActions(actor, await getIncomingDocument(deps.db, { clock: deps.clock, ...params }));

  app.get(
    '/api/bodies/:bodyId/incoming-documents',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '收文（可按状态、承办单位、是否逾期筛选）',
        params: bodyParamsSchema,
        querystring: listIncomingDocumentsQuerySchema,
        response: { 200: listIncomingDocumentsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'incoming_document.read', bodyResource(request.params.bodyId));
      const q = request.query;
      const items = await listIncomingDocuments(deps.db, {
          clock: deps.clock,
          bodyId: request.params.bodyId,
          ...(q.status === undefined ? {} : { status: q.status }),
          ...(q.unitId === undefined ? {} : { unitId: q.unitId }),
          ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
      });
      const mayRegister = await can(request.actor, 'incoming_document.register', bodyResource(request.params.bodyId));
      return {
        items: await Promise.all(items.map((item) => withAllowedActions(request.actor, item))),
        allowedActions: mayRegister ? ['register' as const] : [],
      };
    },
  );

  app.post(
    '/api/bodies/:bodyId/incoming-documents',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['incoming-documents'],
        summary: '登记收文（来文单位、来文字号、标题、收文日期、附件）',
        params: bodyParamsSchema,
        body: registerIncomingDocumentRequestSchema,
        response: { 201: registerIncomingDocumentResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'incoming_document.register', bodyResource(request.params.bodyId));
      const b = request.body;
      const result = await registerIncomingDocument(deps.db, {
        clock: deps.clock,
        bodyId: request.params.bodyId,
        sendingUnit: b.sendingUnit,
        sendingNumber: b.sendingNumber,
        title: b.title,
        receivedOn: b.receivedOn,
        attachments: b.attachments,
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/bodies/:bodyId/incoming-documents/:documentId',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '一件收文及其办理情况',
        params: incomingDocumentParamsSchema,
        response: { 200: incomingDocumentItemSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'incoming_document.read', bodyResource(request.params.bodyId));
      return one(request.actor, request.params);
    },
  );

  app.post(
    '/api/bodies/:bodyId/incoming-documents/:documentId/assign',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '批办或转办收文：主办单位、协办单位、办理时限（默认按制度规定的工作日数）',
        params: incomingDocumentParamsSchema,
        body: assignIncomingDocumentRequestSchema,
        response: { 200: incomingDocumentItemSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'incoming_document.assign', bodyResource(request.params.bodyId));
      const b = request.body;
      await assignIncomingDocument(deps.db, {
        clock: deps.clock,
        ...request.params,
        routing: b.routing,
        leadUnitId: b.leadUnitId,
        coUnitIds: b.coUnitIds,
        instruction: b.instruction,
        deadline: b.deadline,
        origin: auditOrigin(request, deps),
      });
      return one(request.actor, request.params);
    },
  );

  app.post(
    '/api/bodies/:bodyId/incoming-documents/:documentId/reply',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '主办单位报送办理结果',
        params: incomingDocumentParamsSchema,
        body: replyIncomingDocumentRequestSchema,
        response: { 200: incomingDocumentItemSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const { bodyId, documentId } = request.params;
      // Outside the body: refused before anything about the document is looked up
      await authorize(request.actor, 'incoming_document.read', bodyResource(bodyId));
      const leadUnitId = await incomingLeadUnit(deps.db, { bodyId, documentId });
      const unitId = request.body.unitId ?? leadUnitId;
      if (unitId === null) throw new AppError('incoming_document_wrong_status', '收文尚未批办或转办，不能办复', { field: 'documentId' });
      await authorize(request.actor, 'incoming_document.reply', bodyResource(bodyId, unitId));
      await replyIncomingDocument(deps.db, { clock: deps.clock, bodyId, documentId, unitId, text: request.body.text, origin: auditOrigin(request, deps) });
      return one(request.actor, { bodyId, documentId });
    },
  );

  app.post(
    '/api/bodies/:bodyId/incoming-documents/:documentId/close',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '收文办结（主办单位办复后）',
        params: incomingDocumentParamsSchema,
        body: closeIncomingDocumentRequestSchema,
        response: { 200: incomingDocumentItemSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'incoming_document.close', bodyResource(request.params.bodyId));
      await closeIncomingDocument(deps.db, { clock: deps.clock, ...request.params, note: request.body.note, origin: auditOrigin(request, deps) });
      return one(request.actor, request.params);
    },
  );

  app.post(
    '/api/bodies/:bodyId/incoming-documents/:documentId/send-back',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '退回办理结果（重新办理，办理时限不变）',
        params: incomingDocumentParamsSchema,
        body: sendBackIncomingDocumentRequestSchema,
        response: { 200: okResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'incoming_document.close', bodyResource(request.params.bodyId));
      await sendBackIncomingDocument(deps.db, { clock: deps.clock, ...request.params, reason: request.body.reason, origin: auditOrigin(request, deps) });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/bodies/:bodyId/incoming-documents/:documentId/attachments/:attachmentId',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '下载收文附件',
        params: incomingAttachmentParamsSchema,
        response: { 200: z.any().describe('附件内容'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'incoming_document.read', bodyResource(request.params.bodyId));
      const file = await getIncomingAttachment(deps.db, { clock: deps.clock, ...request.params });
      return reply
        .type(file.mediaType)
        .header('content-disposition', downloadDisposition(file, 'incoming-attachment'))
        .send(file.content);
    },
  );

  app.get(
    '/api/units/:unitId/obligations',
    {
      schema: {
        tags: ['incoming-documents'],
        summary: '某单位在其所在各机构待办的事项（督办事项、收文等）：欠哪个机构、何时到期',
        params: unitObligationsParamsSchema,
        response: { 200: unitObligationsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'unit.directory');
      const actor = request.actor;
      const items = await listUnitObligations(deps.db, {
        clock: deps.clock,
        unitId: request.params.unitId,
        mayRead: (bodyId, kind) => {
          if (kind === 'incoming_document') return can(actor, 'incoming_document.read', bodyResource(bodyId));
          if (kind === 'information_report') return can(actor, 'info_report.read_own', bodyResource(bodyId, request.params.unitId));
          return can(actor, 'decision.read', bodyResource(bodyId));
        },
        primeReader: (bodyIds) => primeBodyRoles(actor, bodyIds),
      });
      return { unitId: request.params.unitId, items };
    },
  );
};
