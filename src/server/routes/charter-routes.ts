/** /api/charters/preview and a body's charter versions: list, read, diff, re-import. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import {
  applyChangeNoticeResponseSchema,
  bodyParamsSchema,
  changeNoticePreviewResponseSchema,
  changeNoticeRequestSchema,
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
import { applyChangeNotice, classifyPreview, previewChangeNotice } from '../../services/change-notices/change-notice-service.ts';
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
      const kind = await classifyPreview(deps.db, charter);
      return { charter, findings: charter.findings, textHash, ...kind };
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

  app.post(
    '/api/bodies/:bodyId/change-notices/preview',
    {
      schema: {
        tags: ['charters'],
        summary: '预览调整、撤销通知对本机构制度的变更（与现行制度的差异；不保存）',
        params: bodyParamsSchema,
        body: changeNoticeRequestSchema,
        response: { 200: changeNoticePreviewResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'change_notice.apply', bodyResource(request.params.bodyId));
      const preview = await previewChangeNotice(deps.db, {
        bodyId: request.params.bodyId,
        text: request.body.text,
        targetName: request.body.targetName ?? null,
        corrections: request.body.corrections ?? null,
        clock: deps.clock,
      });
      return {
        documentKind: preview.documentKind,
        notice: preview.notice,
        target: preview.target,
        currentVersion: toVersionSummary(preview.currentVersion),
        currentCharter: preview.currentVersion.charter,
        charter: preview.next,
        diff: preview.diff,
        effectiveDate: preview.effectiveDate,
        abolishedFrom: preview.abolishedFrom,
        openDecisions: preview.openDecisions,
        findings: preview.findings,
      };
    },
  );

  app.post(
    '/api/bodies/:bodyId/change-notices',
    {
      schema: {
        tags: ['charters'],
        summary: '应用调整、撤销通知：生成制度新版本（撤销通知同时启动撤销与移交）',
        params: bodyParamsSchema,
        body: changeNoticeRequestSchema,
        response: { 201: applyChangeNoticeResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'change_notice.apply', bodyResource(request.params.bodyId));
      const result = await applyChangeNotice(deps.db, {
        bodyId: request.params.bodyId,
        text: request.body.text,
        targetName: request.body.targetName ?? null,
        corrections: request.body.corrections ?? null,
        origin: auditOrigin(request, deps),
        clock: deps.clock,
      });
      return reply.code(201).send({
        version: toVersionSummary(result.version),
        diff: result.diff,
        effectiveDate: result.effectiveDate,
        target: result.target,
        dissolution: result.dissolution,
      });
    },
  );
};
