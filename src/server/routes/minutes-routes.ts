/** Minutes of a body's meetings: draft, edit, sign off, issue, correct, read. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { meetingParamsSchema } from '../../contracts/meetings.ts';
import {
  correctionRequestSchema,
  draftMinutesRequestSchema,
  editMinutesRequestSchema,
  listMinutesResponseSchema,
  minutesParamsSchema,
  minutesSchema,
} from '../../contracts/minutes.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { draftMinutes, editMinutes } from '../../services/meetings/draft-minutes.ts';
import { issueMinutes } from '../../services/meetings/issue-minutes.ts';
import { issueCorrection } from '../../services/meetings/minutes-corrections.ts';
import { getMinutes, listMinutes } from '../../services/meetings/minutes-views.ts';
import { signOffMinutes } from '../../services/meetings/sign-off-minutes.ts';
import { getMeetingRow } from '../../services/meetings/meeting-context.ts';
import { minutesActions } from '../../services/resource-actions/minutes-actions.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

const TAGS = ['minutes'];

export const minutesRoutes: RouteModule = async (app, deps) => {
  const one = { 200: minutesSchema, ...bodyErrorResponses };

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/minutes',
    {
      schema: {
        tags: TAGS,
        summary: '起草会议纪要（会议召开后，由办公室起草）',
        params: meetingParamsSchema,
        body: draftMinutesRequestSchema,
        response: { 201: minutesSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'minutes.draft', bodyResource(request.params.bodyId));
      const item = await draftMinutes(deps.db, { ...request.params, input: request.body, origin: auditOrigin(request, deps) });
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/api/bodies/:bodyId/minutes',
    { schema: { tags: TAGS, summary: '会议纪要列表（按期号倒序）', params: bodyParamsSchema, response: { 200: listMinutesResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'minutes.read', bodyResource(request.params.bodyId));
      return { items: await listMinutes(deps.db, request.params) };
    },
  );

  app.get(
    '/api/bodies/:bodyId/minutes/:minutesId',
    { schema: { tags: TAGS, summary: '会议纪要（含出席、请假、列席名单和分送范围，及当前用户可进行的操作）', params: minutesParamsSchema, response: one } },
    async (request) => {
      await authorize(request.actor, 'minutes.read', bodyResource(request.params.bodyId));
      const minutes = await getMinutes(deps.db, request.params);
      const meeting = await getMeetingRow(deps.db, { bodyId: request.params.bodyId, meetingId: minutes.meetingId });
      return { ...minutes, actions: await minutesActions(deps.db, { actor: request.actor, bodyId: request.params.bodyId, minutes, meeting, now: deps.clock.now() }) };
    },
  );

  app.put(
    '/api/bodies/:bodyId/minutes/:minutesId',
    {
      schema: { tags: TAGS, summary: '修改纪要（已审定的须重新审定；已印发的不能修改，只能更正）', params: minutesParamsSchema, body: editMinutesRequestSchema, response: one },
    },
    async (request) => {
      await authorize(request.actor, 'minutes.draft', bodyResource(request.params.bodyId));
      const { version, ...input } = request.body;
      return editMinutes(deps.db, { ...request.params, input, expectedVersion: version, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/minutes/:minutesId/sign-off',
    { schema: { tags: TAGS, summary: '审定或签发纪要（只限制度规定的人员）', params: minutesParamsSchema, response: one } },
    async (request) => {
      await authorize(request.actor, 'minutes.sign_off', bodyResource(request.params.bodyId));
      return signOffMinutes(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/minutes/:minutesId/issue',
    { schema: { tags: TAGS, summary: '印发纪要（按年编期号，分送各成员单位并抄报），议定事项转为督办事项', params: minutesParamsSchema, response: one } },
    async (request) => {
      await authorize(request.actor, 'minutes.issue', bodyResource(request.params.bodyId));
      return issueMinutes(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/minutes/:minutesId/corrections',
    {
      schema: {
        tags: TAGS,
        summary: '起草更正（新的一期，注明所更正的纪要）',
        params: minutesParamsSchema,
        body: correctionRequestSchema,
        response: { 201: minutesSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'minutes.draft', bodyResource(request.params.bodyId));
      const item = await issueCorrection(deps.db, { ...request.params, input: request.body, origin: auditOrigin(request, deps) });
      return reply.code(201).send(item);
    },
  );
};
