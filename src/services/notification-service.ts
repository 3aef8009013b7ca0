/**
 * Notifications: written to the outbox in the transaction of the change (`enqueueNotification`),
 * fanned out after commit by the outbox sender (src/services/outbox-sender.ts).
 */
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { findBodyById } from '../repositories/body-repository.ts';
import { findBodyNotificationSettings, upsertBodyNotificationSettings } from '../repositories/notification-repository.ts';
import { findOutboxRow, insertOutboxRow, listFailingOutboxRows, retryOutboxRow } from '../repositories/outbox-repository.ts';
import { recordAudit } from './audit-service.ts';
import { maskUrl } from '../domain/audit/index.ts';
import type { AuditOrigin } from './audit-service.ts';
import { NOTIFICATION_KIND } from './notification-types.ts';
import type { EmailPayload, NotificationPayload, WebhookPayload } from './notification-types.ts';
import { generateWebhookSecret } from './webhook-signature.ts';
import { assertWebhookUrlAllowed, resolveAllowedAddresses } from '../adapters/outbound-target.ts';
import { loadOutboundPolicy } from './outbound-allow-list.ts';

/** Default reminder lead time in working days when a body has not set its own. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;

export type { NotificationPayload, NotificationRecipient, NotificationData } from './notification-types.ts';

/**
 * Writes a notification to the outbox in the caller's transaction; it is delivered (inbox, e-mail,
 * webhook) after commit, and not at all when the transaction rolls back. `at` is the clock's now.
 * Returns the outbox row id.
 */
export async function enqueueNotification(tx: DbOrTx, options: NotificationPayload & { at: Date }): Promise<number> {
  const { at, ...payload } = options;
  return insertOutboxRow(tx, { kind: NOTIFICATION_KIND, payload, bodyId: payload.bodyId, at });
}

// ---------------------------------------------------------------------------------------------
// Per-body settings (office) and failing deliveries
// ---------------------------------------------------------------------------------------------

export interface BodyNotificationSettings {
  bodyId: string;
  /** Working days before the deadline the first reminder goes out */
  reminderDaysBefore: number;
  webhookUrl: string | null;
  webhookEnabled: boolean;
  /** Whether a secret is set (the secret itself is shown only when generated) */
  webhookSecretSet: boolean;
  updatedAt: string | null;
}

function toSettings(bodyId: string, row: Awaited<ReturnType<typeof findBodyNotificationSettings>>): BodyNotificationSettings {
  return {
    bodyId,
    reminderDaysBefore: row?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
    webhookUrl: row?.webhookUrl ?? null,
    webhookEnabled: row?.webhookEnabled ?? false,
    webhookSecretSet: (row?.webhookSecret ?? null) !== null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The body's notification settings (reminder lead time, webhook), the secret never included. */
export async function getBodyNotificationSettings(db: DbOrTx, options: { bodyId: string }): Promise<BodyNotificationSettings> {
  return toSettings(options.bodyId, await findBodyNotificationSettings(db, options.bodyId));
}

/**
 * The office changes the reminder lead time and the webhook. `rotateSecret` generates a new secret,
 * returned once in `webhookSecret`. Enabling a webhook needs an https:// URL (http:// or an address
 * inside the network only when the system administrator allow-listed it) and a secret.
 */
export async function updateBodyNotificationSettings(options: {
  db: Database;
  clock: Clock;
  bodyId: string;
  patch: { reminderDaysBefore?: number; webhookUrl?: string | null; webhookEnabled?: boolean; rotateSecret?: boolean };
  origin: AuditOrigin;
}): Promise<BodyNotificationSettings & { webhookSecret: string | null }> {
  const newUrl = options.patch.webhookUrl;
  const policy = await loadOutboundPolicy(options.db);
  if (newUrl !== undefined && newUrl !== null) {
    // A host name resolving inside the network is refused now (and again, resolved, at each send);
    // a name that does not resolve yet is checked when sending.
    const parsed = assertWebhookUrlAllowed(newUrl, policy);
    await resolveAllowedAddresses(parsed.hostname, policy).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'outbound_target_unresolved') return [];
      throw isAppError(error) ? AppError.fromBody({ ...error.toBody(), field: 'webhookUrl', details: error.details ?? {} }) : error;
    });
  }
  return options.db.transaction(async (tx) => {
    const body = await findBodyById(tx, options.bodyId);
    if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    const current = await findBodyNotificationSettings(tx, options.bodyId);
    const url = options.patch.webhookUrl !== undefined ? options.patch.webhookUrl : (current?.webhookUrl ?? null);
    // https only, and no target inside the network unless allow-listed (checked again, resolved, when sending)
    if (url !== null) assertWebhookUrlAllowed(url, policy);
    const newSecret = options.patch.rotateSecret === true ? generateWebhookSecret() : null;
    const secret = newSecret ?? current?.webhookSecret ?? null;
    const enabled = options.patch.webhookEnabled ?? current?.webhookEnabled ?? false;
    if (enabled && (url === null || secret === null)) {
      throw new AppError('webhook_incomplete', '启用 Webhook 需先设置地址并生成密钥', { field: url === null ? 'webhookUrl' : 'rotateSecret' });
    }
    const at = options.origin.at ?? options.clock.now();
    const row = await upsertBodyNotificationSettings(tx, {
      bodyId: options.bodyId,
      reminderDaysBefore: options.patch.reminderDaysBefore ?? current?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
      webhookUrl: url,
      webhookSecret: secret,
      webhookEnabled: enabled,
      updatedAt: at,
      updatedBy: options.origin.actorId,
    });
    const before = toSettings(options.bodyId, current);
    const after = toSettings(options.bodyId, row);
    // The webhook address may carry a token: the audit row keeps scheme and host only (issue 17).
    const masked = (settings: BodyNotificationSettings) => ({ ...settings, webhookUrl: settings.webhookUrl === null ? null : maskUrl(settings.webhookUrl) });
    await recordAudit(tx, { ...options.origin, at, action: 'notification_settings.update', entityType: 'body', entityId: options.bodyId, before: masked(before), after: { ...masked(after), webhookUrlChanged: before.webhookUrl !== after.webhookUrl, secretRotated: newSecret !== null } });
    return { ...after, webhookSecret: newSecret };
  });
}

export interface FailingDelivery {
  id: number;
  kind: string;
  /** E-mail address or webhook event */
  target: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** Next attempt; null when given up */
  nextAttemptAt: string | null;
  givenUp: boolean;
}

/** Deliveries of the body that failed and are not sent (retrying or given up), newest first. */
export async function listFailingDeliveries(db: DbOrTx, options: { bodyId: string }): Promise<FailingDelivery[]> {
  const rows = await listFailingOutboxRows(db, options.bodyId, 200);
  return rows.map((row) => {
    const payload = row.payload as Partial<EmailPayload & WebhookPayload>;
    return {
      id: row.id,
      kind: row.kind,
      target: payload.to ?? payload.event ?? row.kind,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      nextAttemptAt: row.failedAt === null ? row.availableAt.toISOString() : null,
      givenUp: row.failedAt !== null,
    };
  });
}

/** The office puts a failing delivery of its body back in the queue now. */
export async function retryDelivery(options: { db: Database; clock: Clock; bodyId: string; deliveryId: number; origin: AuditOrigin }): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await findOutboxRow(tx, options.deliveryId);
    if (!row || row.bodyId !== options.bodyId || row.sentAt !== null) {
      throw new AppError('delivery_not_found', '没有这条待发送的投递', { field: 'deliveryId' });
    }
    const at = options.origin.at ?? options.clock.now();
    await retryOutboxRow(tx, row.id, at);
    await recordAudit(tx, { ...options.origin, at, action: 'delivery.retry', entityType: 'outbox', entityId: String(row.id), before: { attempts: row.attempts, failedAt: row.failedAt }, after: { availableAt: at } });
  });
}
