/** Outgoing documents (发文): drafts, the signing chain (送审 → 审核 → 签发) and the issuers' number registers. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  listOutgoingDocumentsResponseSchema,
  listRegistersResponseSchema,
  outgoingDocumentParamsSchema,
  outgoingDocumentSchema,
  registerParamsSchema,
  registerSchema,
  reviewOutgoingDocumentSchema,
  setRegisterPrefixSchema,
  signingChainQuerySchema,
  signingChainResponseSchema,
  startOutgoingDocumentSchema,
} from '../../contracts/outgoing-documents.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { listRegisters, setRegisterPrefix } from '../../services/outgoing-documents/document-register.ts';
import {
  describeSigningChain,
  getOutgoingDocument,
  listOutgoingDocuments,
  reviewOutgoingDocument,
  signOutgoingDocument,
  startOutgoingDocument,
  submitOutgoingDocument,
} from '../../services/outgoing-documents/outgoing-document-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const outgoingDocumentRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/outgoing-documents',
    { schema: { tags: ['outgoing-documents'], summary: '发文列表', params: bodyParamsSchema, response: { 200: listOutgoingDocumentsResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.read', bodyResource(request.params.bodyId));
      return { items: await listOutgoingDocuments(deps.db, { bodyId: request.params.bodyId, viewerId: request.actor?.accountId ?? null, at: deps.clock.now() }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/outgoing-documents',
    {
      schema: {
        tags: ['outgoing-documents'],
        summary: '拟稿：以本机构、办公室名义或工作组的发文（不正式行文的机构不能发文）',
        params: bodyParamsSchema,
        body: startOutgoingDocumentSchema,
        response: { 201: outgoingDocumentSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'outgoing_document.create', bodyResource(request.params.bodyId));
      const view = await startOutgoingDocument(deps.db, { bodyId: request.params.bodyId, input: request.body, origin: auditOrigin(request, deps) });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/bodies/:bodyId/signing-chain',
    {
      schema: {
        tags: ['outgoing-documents'],
        summary: '某名义的发文按制度须经的审核、签发环节',
        params: bodyParamsSchema,
        querystring: signingChainQuerySchema,
        response: { 200: signingChainResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.read', bodyResource(request.params.bodyId));
      return { steps: await describeSigningChain(deps.db, { bodyId: request.params.bodyId, issuedInNameOf: request.query.issuedInNameOf, fromGroup: request.query.fromGroup }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/outgoing-documents/:documentId',
    { schema: { tags: ['outgoing-documents'], summary: '发文详情（审核、签发环节及当前用户可办理的步骤）', params: outgoingDocumentParamsSchema, response: { 200: outgoingDocumentSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.read', bodyResource(request.params.bodyId));
      return getOutgoingDocument(deps.db, { ...request.params, viewerId: request.actor?.accountId ?? null, at: deps.clock.now() });
    },
  );

  app.post(
    '/api/bodies/:bodyId/outgoing-documents/:documentId/submit',
    { schema: { tags: ['outgoing-documents'], summary: '送审', params: outgoingDocumentParamsSchema, response: { 200: outgoingDocumentSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.submit', bodyResource(request.params.bodyId));
      return submitOutgoingDocument(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/outgoing-documents/:documentId/review',
    {
      schema: {
        tags: ['outgoing-documents'],
        summary: '审核（由制度规定的审核人，拒绝时引用条款）',
        params: outgoingDocumentParamsSchema,
        body: reviewOutgoingDocumentSchema,
        response: { 200: outgoingDocumentSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.review', bodyResource(request.params.bodyId));
      return reviewOutgoingDocument(deps.db, { ...request.params, comment: request.body.comment, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/outgoing-documents/:documentId/sign',
    {
      schema: {
        tags: ['outgoing-documents'],
        summary: '签发（由制度规定的签发人，拒绝时引用条款），编发文字号并分送',
        params: outgoingDocumentParamsSchema,
        response: { 200: outgoingDocumentSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'outgoing_document.sign', bodyResource(request.params.bodyId));
      return signOutgoingDocument(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/document-registers',
    { schema: { tags: ['outgoing-documents'], summary: '发文登记：本机构、办公室的发文字号前缀和今年已编号数', params: bodyParamsSchema, response: { 200: listRegistersResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'document_register.read', bodyResource(request.params.bodyId));
      return { items: await listRegisters(deps.db, { bodyId: request.params.bodyId, year: Number(shanghaiDateOf(deps.clock.now()).slice(0, 4)) }) };
    },
  );

  app.put(
    '/api/bodies/:bodyId/document-registers/:register',
    {
      schema: {
        tags: ['outgoing-documents'],
        summary: '设置发文字号前缀（如“某办”，字号为 某办〔年〕N号）',
        params: registerParamsSchema,
        body: setRegisterPrefixSchema,
        response: { 200: registerSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'document_register.manage', bodyResource(request.params.bodyId));
      return setRegisterPrefix(deps.db, { ...request.params, prefix: request.body.prefix, origin: auditOrigin(request, deps) });
    },
  );
};
