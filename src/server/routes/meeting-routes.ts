/**
 * Meetings of a body: list, create, get, transitions (schedule, postpone, cancel, held), the
 * convener's delegation, the presider, agenda items and their approval, materials, invitees and
 * observers, attendance, and the meeting notice (refused for a body that issues no formal documents).
 */
import { z } from 'zod';
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import {
  agendaItemParamsSchema,
  agendaItemSchema,
  attachMaterialRequestSchema,
  createMeetingRequestSchema,
  decideRequestSchema,
  delegationRequestSchema,
  inviteeParamsSchema,
  inviteeSchema,
  listInviteesResponseSchema,
  listMeetingsQuerySchema,
  listMeetingsResponseSchema,
  materialParamsSchema,
  materialSchema,
  meetingDetailSchema,
  meetingNoticeSchema,
  meetingParamsSchema,
  presiderRequestSchema,
  proposeAgendaItemRequestSchema,
  proposeObserverRequestSchema,
  reasonRequestSchema,
  recordAttendanceRequestSchema,
  scheduleMeetingRequestSchema,
} from '../../contracts/meetings.ts';
import { authorize, bodyResource } from '../../policy/policy.ts';
import { decideAgendaItem, getAgendaItemRow, proposeAgendaItem } from '../../services/meetings/agenda-items.ts';
import { recordAttendance } from '../../services/meetings/attendance.ts';
import { createMeeting } from '../../services/meetings/create-meeting.ts';
import { recordDelegation } from '../../services/meetings/delegate-presiding.ts';
import { listMeetingInvitees } from '../../services/meetings/invitees.ts';
import { attachMaterial, circulateMaterials, getMaterialContent } from '../../services/meetings/materials.ts';
import { cancelMeeting, markHeld, postponeMeeting } from '../../services/meetings/meeting-lifecycle.ts';
import { issueMeetingNotice } from '../../services/meetings/meeting-notice.ts';
import { getMeeting, listMeetings } from '../../services/meetings/meeting-views.ts';
import { decideObserver, proposeObserver } from '../../services/meetings/observers.ts';
import { scheduleMeeting } from '../../services/meetings/schedule-meeting.ts';
import { setPresider } from '../../services/meetings/set-presider.ts';
import { meetingActions } from '../../services/resource-actions/meeting-actions.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { downloadDisposition } from '../content-disposition.ts';

const TAGS = ['meetings'];

function optionalDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(value);
}

export const meetingRoutes: RouteModule = async (app, deps) => {
  const detail = { 200: meetingDetailSchema, ...bodyErrorResponses };

  app.get(
    '/api/bodies/:bodyId/meetings',
    {
      schema: {
        tags: TAGS,
        summary: '会议列表（新的在前）',
        params: bodyParamsSchema,
        querystring: listMeetingsQuerySchema,
        response: { 200: listMeetingsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.read', bodyResource(request.params.bodyId));
      const { status } = request.query;
      return { items: await listMeetings(deps.db, { bodyId: request.params.bodyId, filter: status === undefined ? {} : { status } }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings',
    {
      schema: {
        tags: TAGS,
        summary: '新建会议（草稿）',
        params: bodyParamsSchema,
        body: createMeetingRequestSchema,
        response: { 201: meetingDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      const b = request.body;
      const meeting = await createMeeting(deps.db, {
        bodyId: request.params.bodyId,
        input: {
          kind: b.kind,
          title: b.title,
          startsAt: new Date(b.startsAt),
          endsAt: optionalDate(b.endsAt) ?? null,
          location: b.location ?? null,
          groupId: b.groupId ?? null,
          preMeetingOf: b.preMeetingOf ?? null,
          kindName: b.kindName ?? null,
        },
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(meeting);
    },
  );

  app.get(
    '/api/bodies/:bodyId/meetings/:meetingId',
    { schema: { tags: TAGS, summary: '会议详情（议题、材料、参会人员、出席、纪要、发现的问题，及当前用户可进行的操作）', params: meetingParamsSchema, response: detail } },
    async (request) => {
      await authorize(request.actor, 'meeting.read', bodyResource(request.params.bodyId));
      const meeting = await getMeeting(deps.db, request.params);
      return { ...meeting, actions: await meetingActions(deps.db, { actor: request.actor, bodyId: request.params.bodyId, meeting, now: deps.clock.now() }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/schedule',
    {
      schema: {
        tags: TAGS,
        summary: '发出会议通知（计算会议当日在任的参会人员）；延期后重新安排',
        params: meetingParamsSchema,
        body: scheduleMeetingRequestSchema,
        response: detail,
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      const b = request.body;
      return scheduleMeeting(deps.db, {
        ...request.params,
        ...(b.startsAt !== undefined ? { startsAt: new Date(b.startsAt) } : {}),
        ...(b.endsAt !== undefined ? { endsAt: optionalDate(b.endsAt) ?? null } : {}),
        ...(b.location !== undefined ? { location: b.location } : {}),
        origin: auditOrigin(request, deps),
      });
    },
  );

  for (const [path, summary, step] of [
    ['cancel', '取消会议（须说明原因）', cancelMeeting],
    ['postpone', '会议延期（须说明原因）', postponeMeeting],
  ] as const) {
    app.post(
      `/api/bodies/:bodyId/meetings/:meetingId/${path}`,
      { schema: { tags: TAGS, summary, params: meetingParamsSchema, body: reasonRequestSchema, response: detail } },
      async (request) => {
        await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
        return step(deps.db, { ...request.params, reason: request.body.reason, origin: auditOrigin(request, deps) });
      },
    );
  }

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/held',
    { schema: { tags: TAGS, summary: '登记会议已召开', params: meetingParamsSchema, response: detail } },
    async (request) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      return markHeld(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/delegations',
    {
      schema: {
        tags: TAGS,
        summary: '召集人委托副召集人主持本次会议（召集人本人记录）',
        params: meetingParamsSchema,
        body: delegationRequestSchema,
        response: detail,
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.delegate', bodyResource(request.params.bodyId));
      return recordDelegation(deps.db, { ...request.params, toMembershipId: request.body.toMembershipId, origin: auditOrigin(request, deps) });
    },
  );

  app.put(
    '/api/bodies/:bodyId/meetings/:meetingId/presider',
    {
      schema: {
        tags: TAGS,
        summary: '确定会议主持人（按制度的主持规则，以会议当日在任者为准）',
        params: meetingParamsSchema,
        body: presiderRequestSchema,
        response: detail,
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      return setPresider(deps.db, { ...request.params, membershipId: request.body.membershipId, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/agenda-items',
    {
      schema: {
        tags: TAGS,
        summary: '提出议题（办公室，或成员单位联络员为本单位提出）',
        params: meetingParamsSchema,
        body: proposeAgendaItemRequestSchema,
        response: { 201: agendaItemSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      const unitId = request.body.unitId ?? null;
      await authorize(request.actor, 'agenda.propose', bodyResource(request.params.bodyId, unitId));
      const item = await proposeAgendaItem(deps.db, {
        ...request.params,
        input: { title: request.body.title, description: request.body.description ?? null, unitId },
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(item);
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/agenda-items/:itemId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '审核议题：同意列入或不同意（须说明理由），按制度规定的审核人',
        params: agendaItemParamsSchema,
        body: decideRequestSchema,
        response: { 200: agendaItemSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'agenda.decide', bodyResource(request.params.bodyId));
      return decideAgendaItem(deps.db, {
        ...request.params,
        approve: request.body.approve,
        reason: request.body.reason ?? null,
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/agenda-items/:itemId/materials',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: '上传议题材料（文本或 base64，最大 10 MB）',
        params: agendaItemParamsSchema,
        body: attachMaterialRequestSchema,
        response: { 201: materialSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'meeting.read', bodyResource(request.params.bodyId));
      const item = await getAgendaItemRow(deps.db, request.params);
      await authorize(request.actor, 'material.attach', bodyResource(request.params.bodyId, item.proposedByUnitId));
      const material = await attachMaterial(deps.db, { ...request.params, input: request.body, origin: auditOrigin(request, deps) });
      return reply.code(201).send(material);
    },
  );

  app.get(
    '/api/bodies/:bodyId/meetings/:meetingId/materials/:materialId/content',
    {
      schema: {
        tags: TAGS,
        summary: '下载材料',
        params: materialParamsSchema,
        response: { 200: z.any().describe('材料内容（原始字节）'), ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'meeting.read', bodyResource(request.params.bodyId));
      const material = await getMaterialContent(deps.db, request.params);
      return reply
        .type(material.contentType)
        .header('content-disposition', downloadDisposition({ fileName: material.name }, 'meeting-material'))
        .send(material.content);
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/materials/circulate',
    { schema: { tags: TAGS, summary: '会前印发已列入议程的材料', params: meetingParamsSchema, response: detail } },
    async (request) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      return circulateMaterials(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/meetings/:meetingId/invitees',
    { schema: { tags: TAGS, summary: '参会人员（成员与列席人员）', params: meetingParamsSchema, response: { 200: listInviteesResponseSchema, ...bodyErrorResponses } } },
    async (request) => {
      await authorize(request.actor, 'meeting.read', bodyResource(request.params.bodyId));
      return { items: await listMeetingInvitees(deps.db, request.params) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/observers',
    {
      schema: {
        tags: TAGS,
        summary: '办公室提出列席人员（制度规定须确定的，待确定）',
        params: meetingParamsSchema,
        body: proposeObserverRequestSchema,
        response: { 201: inviteeSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      const invitee = await proposeObserver(deps.db, {
        ...request.params,
        input: { name: request.body.name, unitId: request.body.unitId ?? null },
        origin: auditOrigin(request, deps),
      });
      return reply.code(201).send(invitee);
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/observers/:inviteeId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '确定列席人员（按制度规定的人员）',
        params: inviteeParamsSchema,
        body: decideRequestSchema,
        response: { 200: inviteeSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'observer.decide', bodyResource(request.params.bodyId));
      return decideObserver(deps.db, {
        ...request.params,
        approve: request.body.approve,
        reason: request.body.reason ?? null,
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.put(
    '/api/bodies/:bodyId/meetings/:meetingId/attendance',
    {
      schema: {
        tags: TAGS,
        summary: '登记各成员单位出席情况（出席、代为出席、联络员带意见、请假、缺席）',
        params: meetingParamsSchema,
        body: recordAttendanceRequestSchema,
        response: detail,
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.manage', bodyResource(request.params.bodyId));
      return recordAttendance(deps.db, { ...request.params, entries: request.body.entries, origin: auditOrigin(request, deps) });
    },
  );

  app.post(
    '/api/bodies/:bodyId/meetings/:meetingId/notice',
    {
      schema: {
        tags: TAGS,
        summary: '以本机构名义印发会议通知（制度规定不正式行文的机构不得印发）',
        params: meetingParamsSchema,
        response: { 200: meetingNoticeSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'meeting.issue_notice', bodyResource(request.params.bodyId));
      return issueMeetingNotice(deps.db, { ...request.params, origin: auditOrigin(request, deps) });
    },
  );
};
