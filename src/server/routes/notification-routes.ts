/** The inbox and e-mail address of the signed-in account; a body's notification settings and failing deliveries. */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { errorResponses, okResponseSchema } from '../../contracts/common.ts';
import {
  deliveryParamsSchema,
  failingDeliveriesResponseSchema,
  inboxQuerySchema,
  inboxResponseSchema,
  markReadRequestSchema,
  markReadResponseSchema,
  notificationAddressRequestSchema,
  notificationAddressSchema,
  notificationSettingsRequestSchema,
  notificationSettingsResponseSchema,
  notificationSettingsSchema,
} from '../../contracts/notifications.ts';
import { authorize, authorizeActor, bodyResource } from '../../policy/policy.ts';
import { getInbox, getNotificationAddress, markInboxRead, updateNotificationAddress } from '../../services/inbox-service.ts';
import {
  getBodyNotificationSettings,
  listFailingDeliveries,
  retryDelivery,
  updateBodyNotificationSettings,
} from '../../services/notification-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const notificationRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/me/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: '本人的站内消息',
        querystring: inboxQuerySchema,
        response: { 200: inboxResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'inbox.read');
      return getInbox(deps.db, { accountId: actor.accountId, unreadOnly: request.query.unread, limit: request.query.limit });
    },
  );

  app.post(
    '/api/me/inbox/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标为已读',
        body: markReadRequestSchema,
        response: { 200: markReadResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'inbox.read');
      return markInboxRead(deps.db, { accountId: actor.accountId, ids: request.body.ids, clock: deps.clock });
    },
  );

  app.get(
    '/api/me/notification-address',
    {
      schema: {
        tags: ['notifications'],
        summary: '本人接收通知的电子邮件地址',
        response: { 200: notificationAddressSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'notification_address.manage');
      return getNotificationAddress(deps.db, { accountId: actor.accountId });
    },
  );

  app.put(
    '/api/me/notification-address',
    {
      schema: {
        tags: ['notifications'],
        summary: '设置本人接收通知的电子邮件地址（null 为不接收邮件）',
        body: notificationAddressRequestSchema,
        response: { 200: notificationAddressSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'notification_address.manage');
      return updateNotificationAddress(deps.db, { clock: deps.clock, accountId: actor.accountId, email: request.body.email, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/bodies/:bodyId/notification-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: '提醒与 Webhook 设置',
        params: bodyParamsSchema,
        response: { 200: notificationSettingsSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'notification_settings.manage', bodyResource(request.params.bodyId));
      return getBodyNotificationSettings(deps.db, { bodyId: request.params.bodyId });
    },
  );

  app.patch(
    '/api/bodies/:bodyId/notification-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: '修改提醒提前工作日数、Webhook 地址、启停及签名密钥',
        params: bodyParamsSchema,
        body: notificationSettingsRequestSchema,
        response: { 200: notificationSettingsResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'notification_settings.manage', bodyResource(request.params.bodyId));
      const b = request.body;
      return updateBodyNotificationSettings({
        db: deps.db,
        clock: deps.clock,
        bodyId: request.params.bodyId,
        patch: {
          ...(b.reminderDaysBefore === undefined ? {} : { reminderDaysBefore: b.reminderDaysBefore }),
          ...(b.webhookUrl === undefined ? {} : { webhookUrl: b.webhookUrl }),
          ...(b.webhookEnabled === undefined ? {} : { webhookEnabled: b.webhookEnabled }),
          ...(b.rotateSecret === undefined ? {} : { rotateSecret: b.rotateSecret }),
        },
        origin: auditOrigin(request, deps),
      });
    },
  );

  app.get(
    '/api/bodies/:bodyId/failing-deliveries',
    {
      schema: {
        tags: ['notifications'],
        summary: '发送失败（重试中或已放弃）的邮件和 Webhook',
        params: bodyParamsSchema,
        response: { 200: failingDeliveriesResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'delivery.read', bodyResource(request.params.bodyId));
      return { items: await listFailingDeliveries(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.post(
    '/api/bodies/:bodyId/failing-deliveries/:deliveryId/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: '立即重新发送',
        params: deliveryParamsSchema,
        response: { 200: okResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'delivery.retry', bodyResource(request.params.bodyId));
      await retryDelivery({ db: deps.db, clock: deps.clock, bodyId: request.params.bodyId, deliveryId: request.params.deliveryId, origin: auditOrigin(request, deps) });
      return { ok: true as const };
    },
  );
};
