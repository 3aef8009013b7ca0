/** /api/charters/preview and a body's charter versions: list, read, diff, re-import. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import {
  bodyParamsSchema,
  charterDiffSchema,
  charterVersionDetailSchema,
  charterVersionListResponseSchema,
  diffParamsSchema,
  previewCharterRequestSchema,
  previewCharterResponseSchema,
  reimportCharterRequestSchema,
  reimportCharterResponseSchema,
  versionParamsSchema,
} from '../../contracts/charters.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { diffCharterVersions, getCharterVersion, listVersions, previewCharter, reimportCharter } from '../../services/charter-service.ts';
import { toVersionDetail, toVersionSummary } from '../../services/charter-version-views.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const charterRoutes: RouteModule = async (app, deps) => {
  app.post(
    '/api/charters/preview',
    {
      schema: {
        tags: ['charters'],
        summary: '预览成立文件导入结果（不保存）',
        body: previewCharterRequestSchema,
        response: { 200: previewCharterResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'charter.preview');
      const { charter, textHash } = await previewCharter({ text: request.body.text, corrections: request.body.corrections ?? null });
      return { charter, findings: charter.findings, textHash };
    },
  );

  app.get(
    '/api/bodies/:bodyId/charter-versions',
    {
      schema: {
        tags: ['charters'],
        summary: '制度版本列表',
        params: bodyParamsSchema,
        response: { 200: charterVersionListResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'charter.read', bodyResource(request.params.bodyId));
      const rows = await listVersions(deps.db, { bodyId: request.params.bodyId });
      return { items: rows.map(toVersionSummary) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/charter-versions',
    {
      schema: {
        tags: ['charters'],
        summary: '重新导入成立文件（文本相同则不变；否则生成新版本并给出差异）',
        params: bodyParamsSchema,
        body: reimportCharterRequestSchema,
        response: { 200: reimportCharterResponseSchema, 201: reimportCharterResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'body.publish', bodyResource(request.params.bodyId));
      const result = await reimportCharter(deps.db, {
        bodyId: request.params.bodyId,
        text: request.body.text,
        corrections: request.body.corrections ?? null,
        ...(request.body.effectiveDate !== undefined ? { effectiveDate: request.body.effectiveDate } : {}),
        origin: auditOrigin(request, deps),
        clock: deps.clock,
      });
      const findings = result.version.charter.findings;
      if (!result.changed) {
        return reply.code(200).send({ changed: false, version: toVersionSummary(result.version), diff: null, effectiveDate: null, findings });
      }
      return reply
        .code(201)
        .send({ changed: true, version: toVersionSummary(result.version), diff: result.diff, effectiveDate: result.effectiveDate, findings });
    },
  );

  app.get(
    '/api/bodies/:bodyId/charter-versions/:version',
    {
      schema: {
        tags: ['charters'],
        summary: '制度版本（制度 JSON、原文、与上一版本的差异）',
        params: versionParamsSchema,
        response: { 200: charterVersionDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'charter.read', bodyResource(request.params.bodyId));
      return toVersionDetail(await getCharterVersion(deps.db, { bodyId: request.params.bodyId, version: request.params.version }));
    },
  );

  app.get(
    '/api/bodies/:bodyId/charter-versions/:a/diff/:b',
    {
      schema: {
        tags: ['charters'],
        summary: '两个制度版本之间的差异',
        params: diffParamsSchema,
        response: { 200: charterDiffSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'charter.read', bodyResource(request.params.bodyId));
      return diffCharterVersions(deps.db, { bodyId: request.params.bodyId, from: request.params.a, to: request.params.b });
    },
  );
};
