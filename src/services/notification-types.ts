/**
 * What a notification is: the payload of an outbox row of kind `notification`. The sender fans it
 * out after commit to the in-app inbox of every recipient account, an e-mail to each recipient with
 * an address, and the body's signed webhook.
 */

/** Who receives a notification; resolved to accounts when it is sent. */
export type NotificationRecipient =
  /** One account */
  | { kind: 'account'; accountId: string }
  /** The people holding these roles for a member unit of the body (e.g. its liaison, its member) */
  | { kind: 'unit'; unitId: string; roles: ('member' | 'liaison')[] }
  /** The body's office staff */
  | { kind: 'office' }
  /** Everyone holding one of these roles in the body today */
  | { kind: 'body_roles'; roles: ('convener' | 'deputy_convener' | 'member' | 'liaison')[] };

/** A JSON value carried to the webhook as it is. */
export type NotificationData = { [key: string]: string | number | boolean | null | string[] | NotificationData };

export interface NotificationPayload {
  bodyId: string;
  /** Dotted event name, e.g. `meeting.scheduled`, `minutes.issued`, `decision.reminder_before` */
  event: string;
  /** Short Chinese title (inbox line, e-mail subject) */
  title: string;
  /** Chinese text (inbox and e-mail body) */
  message: string;
  /** Path in the web application, e.g. `/bodies/{id}/meetings/{id}` */
  link: string | null;
  recipients: NotificationRecipient[];
  /** Facts for webhook consumers (ids, dates) */
  data: NotificationData;
}

export const NOTIFICATION_KIND = 'notification';
export const EMAIL_KIND = 'email';
export const WEBHOOK_KIND = 'webhook';

/** Payload of an outbox row of kind `email`: one message to one address. */
export interface EmailPayload {
  notificationId: number;
  event: string;
  to: string;
  subject: string;
  text: string;
}

/** Payload of an outbox row of kind `webhook`: the JSON posted to the body's webhook. */
export interface WebhookPayload {
  notificationId: number;
  bodyId: string;
  event: string;
  title: string;
  message: string;
  link: string | null;
  data: NotificationData;
  occurredAt: string;
}
