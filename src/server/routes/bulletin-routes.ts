/** Bulletins (简报 / 专报): the charter's series, adopted reports to compile, issues and their DOCX / PDF. */
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bulletinParamsSchema, bulletinSchema, bulletinSeriesSchema, compileBulletinSchema, listBulletinsResponseSchema } from '../../contracts/bulletins.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { documentErrorResponses, documentFormatQuerySchema, fileResponseSchema } from '../../contracts/documents.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { listBulletinCandidates } from '../../services/bulletins/adopted-reports.ts';
import { renderBulletinDocument } from '../../services/bulletins/bulletin-rendering.ts';
import { compileBulletin, getBulletin, getBulletinSeries, listBulletins } from '../../services/bulletins/bulletin-service.ts';
import type { RouteModule } from '../app-types.ts';
import { downloadDisposition } from '../content-disposition.ts';
import { auditOrigin } from '../request-context.ts';

const candidatesResponseSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), text: z.string(), reporterName: z.string().nullable(), category: z.string(), adoptedAt: z.string() })),
});

export const bulletinRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/bulletin-series',
    { schema: { tags: ['bulletins'], summary: '制度规定的简报（名称、报送范围、条款）', params: bodyParamsSchema, response: { 200: bulletinSeriesSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'bulletin.read', bodyResource(request.params.bodyId));
      return getBulletinSeries(deps.db, { bodyId: request.params.bodyId });
    },
  );

  app.get(
    '/api/bodies/:bodyId/bulletin-candidates',
    { schema: { tags: ['bulletins'], summary: '可编入简报的已采用信息', params: bodyParamsSchema, response: { 200: candidatesResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'bulletin.compile', bodyResource(request.params.bodyId));
      return { items: await listBulletinCandidates(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/bulletins',
    { schema: { tags: ['bulletins'], summary: '简报、专报列表', params: bodyParamsSchema, response: { 200: listBulletinsResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'bulletin.read', bodyResource(request.params.bodyId));
      return { items: await listBulletins(deps.db, { bodyId: request.params.bodyId, viewerId: request.actor?.accountId ?? null, at: deps.clock.now() }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        summary: '编辑一期简报（采用的信息和办公室文章），随后按发文流程审核、签发',
        params: bodyParamsSchema,
        body: compileBulletinSchema,
        response: { 201: bulletinSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'bulletin.compile', bodyResource(request.params.bodyId));
      const view = await compileBulletin(deps.db, { bodyId: request.params.bodyId, input: request.body, origin: auditOrigin(request, deps) });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/bodies/:bodyId/bulletins/:documentId',
    { schema: { tags: ['bulletins'], summary: '简报详情', params: bulletinParamsSchema, response: { 200: bulletinSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'bulletin.read', bodyResource(request.params.bodyId));
      return getBulletin(deps.db, { ...request.params, viewerId: request.actor?.accountId ?? null, at: deps.clock.now() });
    },
  );

  app.get(
    '/api/bodies/:bodyId/bulletins/:documentId/document',
    {
      schema: {
        tags: ['documents'],
        summary: '下载简报（DOCX 或 PDF；签发前为送审稿）',
        params: bulletinParamsSchema,
        querystring: documentFormatQuerySchema,
        response: { 200: fileResponseSchema, ...documentErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'document.bulletin', bodyResource(request.params.bodyId));
      const file = await renderBulletinDocument(deps.db, { ...request.params, format: request.query.format, at: deps.clock.now() });
      return reply
        .type(file.contentType)
        .header('content-disposition', downloadDisposition(file, 'bulletin'))
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
};
