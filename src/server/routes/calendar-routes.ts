/**
 * /api/calendar: the working-day calendar. Year view, add-working-days and working-days-between for
 * every signed-in user; holiday notices preview/apply and the coverage warning for the system
 * administrator; the list of applied notices for every signed-in user.
 */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import {
  addWorkingDaysQuerySchema,
  addWorkingDaysResponseSchema,
  coverageQuerySchema,
  coverageResponseSchema,
  meetingsMonthQuerySchema,
  meetingsMonthResponseSchema,
  noticeApplyResponseSchema,
  noticeListQuerySchema,
  noticeListResponseSchema,
  noticePreviewResponseSchema,
  noticeRequestSchema,
  workingDaysBetweenQuerySchema,
  workingDaysBetweenResponseSchema,
  yearViewParamsSchema,
  yearViewQuerySchema,
  yearViewResponseSchema,
} from '../../contracts/calendar.ts';
import { authorize, authorizeActor } from '../../policy/policy.ts';
import { getMeetingsMonth } from '../../services/calendar/meetings-month.ts';
import { getCoverageReport, getYearView } from '../../services/calendar/calendar-views.ts';
import { applyNotice, listNotices, previewNotice } from '../../services/calendar/holiday-notices.ts';
import { loadRegionCalendar } from '../../services/calendar/region-calendar.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

export const calendarRoutes: RouteModule = async (app, deps) => {
  const { db, clock } = deps;

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: '某地区某年的日历（节假日、调休上班日、周末、暂定标记及依据的通知）',
        params: yearViewParamsSchema,
        querystring: yearViewQuerySchema,
        response: { 200: yearViewResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.read');
      return getYearView(db, { year: request.params.year, region: request.query.region ?? null });
    },
  );

  app.get(
    '/api/calendar/add-working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: '起始日后第 N 个工作日',
        querystring: addWorkingDaysQuerySchema,
        response: { 200: addWorkingDaysResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.read');
      const calendar = await loadRegionCalendar(db, { regionCode: request.query.region ?? null });
      return { ...calendar.addWorkingDays(request.query.start, request.query.workingDays), regionCode: calendar.regionCode };
    },
  );

  app.get(
    '/api/calendar/working-days-between',
    {
      schema: {
        tags: ['calendar'],
        summary: '两个日期之间的工作日数（不含起始日，含结束日）',
        querystring: workingDaysBetweenQuerySchema,
        response: { 200: workingDaysBetweenResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.read');
      const calendar = await loadRegionCalendar(db, { regionCode: request.query.region ?? null });
      return { ...calendar.workingDaysBetween(request.query.from, request.query.to), regionCode: calendar.regionCode };
    },
  );

  app.get(
    '/api/calendar/coverage',
    {
      schema: {
        tags: ['calendar'],
        summary: '节假日数据覆盖提醒（11月1日起提醒载入下一年通知）',
        querystring: coverageQuerySchema,
        response: { 200: coverageResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.coverage_read');
      return getCoverageReport(db, { today: request.query.today ?? shanghaiDateOf(clock.now()) });
    },
  );

  app.get(
    '/api/calendar/notices',
    {
      schema: {
        tags: ['calendar'],
        summary: '已载入的节假日通知（含已被取代的）',
        querystring: noticeListQuerySchema,
        response: { 200: noticeListResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.notice_list');
      const items = await listNotices(db, {
        ...(request.query.scope === undefined ? {} : { scope: request.query.scope }),
        ...(request.query.year === undefined ? {} : { year: request.query.year }),
      });
      return { items };
    },
  );

  app.post(
    '/api/calendar/notices/preview',
    {
      schema: {
        tags: ['calendar'],
        summary: '预览节假日安排通知：读出的放假和调休上班日期及核对结果（不保存）',
        body: noticeRequestSchema,
        response: { 200: noticePreviewResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'calendar.notice_preview');
      return previewNotice(db, { text: request.body.text, scope: request.body.scope ?? null, clock });
    },
  );

  app.post(
    '/api/calendar/notices',
    {
      schema: {
        tags: ['calendar'],
        summary: '载入节假日安排通知（同一范围和年份的旧通知被取代并保留）',
        body: noticeRequestSchema,
        response: { 200: noticeApplyResponseSchema, 201: noticeApplyResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'calendar.notice_apply');
      const result = await applyNotice(db, { text: request.body.text, scope: request.body.scope ?? null, origin: auditOrigin(request, deps), clock });
      return reply.status(result.changed ? 201 : 200).send(result);
    },
  );
  // Issue 15 point 4 (engineer H): the month calendar of meetings across the reader's bodies
  app.get(
    '/api/calendar/meetings',
    {
      schema: {
        tags: ['calendar'],
        summary: '本人所在各机构某月的会议（含该月节假日和调休上班日）',
        querystring: meetingsMonthQuerySchema,
        response: { 200: meetingsMonthResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'calendar.meetings_read');
      return getMeetingsMonth(db, { accountId: actor.accountId, month: request.query.month, at: clock.now() });
    },
  );
};
