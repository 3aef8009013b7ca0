/**
 * The outbox sender: after commit, claims due outbox rows (several senders on one PostgreSQL never
 * take the same row: `FOR UPDATE SKIP LOCKED` plus a lease), and
 * - `notification`: fans out in one transaction to inbox items, one `email` row per recipient with an
 *   address (when SMTP is configured) and one `webhook` row (when the body has an enabled webhook);
 * - `email`: sends through SMTP (nodemailer);
 * - `webhook`: POSTs signed JSON to the body's webhook.
 * A failure is retried with exponential backoff; after the last attempt the row is given up and
 * listed for the office (`listFailingDeliveries`).
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Clock } from '../config/clock.ts';
import type { SmtpSettings, SweepSettings } from '../config/config.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import {
  claimOutboxRows,
  insertOutboxRow,
  lockUnsentOutboxRow,
  markOutboxFailed,
  markOutboxSent,
  renewOutboxLease,
} from '../repositories/outbox-repository.ts';
import type { OutboxRow } from '../repositories/outbox-repository.ts';
import {
  accountsHoldingRoles,
  emailAddressesOf,
  enabledAccounts,
  findBodyNotificationSettings,
  insertInboxItems,
  officeStaffAccounts,
} from '../repositories/notification-repository.ts';
import { EMAIL_KIND, NOTIFICATION_KIND, WEBHOOK_KIND } from './notification-types.ts';
import type { EmailPayload, NotificationPayload, NotificationRecipient, WebhookPayload } from './notification-types.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';
import { assertWebhookUrlAllowed, guardedPost, resolveAllowedAddresses } from '../adapters/outbound-target.ts';
import { loadOutboundPolicy } from './outbound-allow-list.ts';

/** Sends one e-mail; `address` is the checked address of the SMTP server to connect to. */
export interface Mailer {
  send(message: { from: string; to: string; subject: string; text: string; headers: Record<string, string> }, target?: { address: string }): Promise<void>;
  close(): void;
}

/**
 * A nodemailer SMTP mailer for the configured server (pooled connections, one pool per checked
 * address: the connection goes to the address checked against the outbound allow-list, TLS still
 * verifies the certificate for the configured host name).
 */
export function createSmtpMailer(smtp: SmtpSettings): Mailer {
  const transports = new Map<string, Transporter>();
  const transportFor = (address: string): Transporter => {
    let transport = transports.get(address);
    if (transport === undefined) {
      transport = nodemailer.createTransport({
        host: address,
        port: smtp.port,
        secure: smtp.secure,
        pool: true,
        maxConnections: 2,
        tls: { servername: smtp.host },
        ...(smtp.auth === null ? {} : { auth: { user: smtp.auth.user, pass: smtp.auth.password } }),
      });
      transports.set(address, transport);
    }
    return transport;
  };
  return {
    async send(message, target) {
      await transportFor(target?.address ?? smtp.host).sendMail(message);
    },
    close() {
      for (const transport of transports.values()) transport.close();
      transports.clear();
    },
  };
}

export interface OutboxSenderDeps {
  db: Database;
  clock: Clock;
  smtp: SmtpSettings | null;
  /** Null when SMTP is not configured: no e-mail rows are written */
  mailer: Mailer | null;
  settings: Pick<SweepSettings, 'maxAttempts' | 'backoffSeconds'>;
  /** For webhooks (tests may pass their own) */
  fetch?: typeof fetch;
  logger?: { warn(obj: object, msg: string): void };
}

export interface SendResult {
  sent: number;
  failed: number;
}

const OUTBOX_KINDS = [NOTIFICATION_KIND, EMAIL_KIND, WEBHOOK_KIND] as const;
const LEASE_MS = 5 * 60_000;
const BATCH = 50;
const WEBHOOK_TIMEOUT_MS = 10_000;

/** Resolves recipients to enabled accounts, once each. */
async function resolveRecipients(db: DbOrTx, bodyId: string, recipients: readonly NotificationRecipient[], at: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of recipients) {
    let found: string[];
    if (recipient.kind === 'account') found = await enabledAccounts(db, [recipient.accountId]);
    else if (recipient.kind === 'office') found = await officeStaffAccounts(db, bodyId);
    else if (recipient.kind === 'unit') found = await accountsHoldingRoles(db, { bodyId, roles: recipient.roles, unitId: recipient.unitId, at });
    else found = await accountsHoldingRoles(db, { bodyId, roles: recipient.roles, at });
    for (const id of found) ids.add(id);
  }
  return [...ids].sort();
}

/** Fans a notification out to inbox, e-mail and webhook rows, exactly once (row locked, marked sent). */
async function fanOut(deps: OutboxSenderDeps, id: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await lockUnsentOutboxRow(tx, id);
    if (!row) return;
    const payload = row.payload as NotificationPayload;
    const now = deps.clock.now();
    const accountIds = await resolveRecipients(tx, payload.bodyId, payload.recipients, shanghaiDateOf(now));
    await insertInboxItems(
      tx,
      accountIds.map((accountId) => ({
        accountId,
        bodyId: payload.bodyId,
        event: payload.event,
        title: payload.title,
        message: payload.message,
        link: payload.link,
        notificationId: row.id,
        createdAt: row.createdAt,
      })),
    );
    if (deps.smtp !== null) {
      const addresses = await emailAddressesOf(tx, accountIds);
      for (const accountId of accountIds) {
        const to = addresses.get(accountId);
        if (to === undefined) continue;
        const email: EmailPayload = { notificationId: row.id, event: payload.event, to, subject: payload.title, text: payload.link === null ? payload.message : `${payload.message}\n\n${payload.link}` };
        await insertOutboxRow(tx, { kind: EMAIL_KIND, payload: email, bodyId: payload.bodyId, at: now });
      }
    }
    const settings = await findBodyNotificationSettings(tx, payload.bodyId);
    if (settings?.webhookEnabled === true && settings.webhookUrl !== null && settings.webhookSecret !== null) {
      const hook: WebhookPayload = {
        notificationId: row.id,
        bodyId: payload.bodyId,
        event: payload.event,
        title: payload.title,
        message: payload.message,
        link: payload.link,
        data: payload.data,
        occurredAt: row.createdAt.toISOString(),
      };
      await insertOutboxRow(tx, { kind: WEBHOOK_KIND, payload: hook, bodyId: payload.bodyId, at: now });
    }
    await markOutboxSent(tx, row.id, now);
  });
}

async function sendEmail(deps: OutboxSenderDeps, row: OutboxRow): Promise<void> {
  if (deps.mailer === null || deps.smtp === null) throw new Error('SMTP 未配置（LIANXI_SMTP_HOST）');
  // The SMTP server, like a webhook, may not be inside the network unless allow-listed; resolved
  // now, every address checked, and the mail sent to the checked address (DNS rebinding)
  const [address] = await resolveAllowedAddresses(deps.smtp.host, await loadOutboundPolicy(deps.db));
  const payload = row.payload as EmailPayload;
  await deps.mailer.send({
    from: deps.smtp.from,
    to: payload.to,
    subject: payload.subject,
    text: payload.text,
    headers: {
      'X-Lianxi-Notification': String(payload.notificationId),
      'X-Lianxi-Event': payload.event,
      'X-Lianxi-Event-Id': String(payload.notificationId),
      'X-Lianxi-Delivery': String(row.id),
    },
  }, address === undefined ? undefined : { address });
}

/** Most bytes of a webhook receiver's response read (the rest is discarded). */
const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * The headers of a webhook delivery. The delivery id (`Idempotency-Key`, `X-Lianxi-Delivery`: the
 * outbox row, the same on every retry) and the event id (`X-Lianxi-Event-Id`: the notification it
 * comes from, the same for every channel) are also in the signed body as `id` and `eventId`.
 */
export function webhookHeaders(options: { secret: string; body: string; timestamp: number; deliveryId: number; eventId: number; event: string }): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(options.secret, options.body, options.timestamp),
    'x-lianxi-event': options.event,
    'x-lianxi-event-id': String(options.eventId),
    'x-lianxi-delivery': String(options.deliveryId),
    'idempotency-key': String(options.deliveryId),
  };
}

async function sendWebhook(deps: OutboxSenderDeps, row: OutboxRow): Promise<void> {
  const payload = row.payload as WebhookPayload;
  const settings = await findBodyNotificationSettings(deps.db, payload.bodyId);
  if (settings === null || !settings.webhookEnabled || settings.webhookUrl === null || settings.webhookSecret === null) {
    throw new Error('本机构的 Webhook 已停用或未配置');
  }
  const body = JSON.stringify({ id: row.id, eventId: payload.notificationId, ...payload });
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const headers = webhookHeaders({ secret: settings.webhookSecret, body, timestamp, deliveryId: row.id, eventId: payload.notificationId, event: payload.event });
  // Refused targets inside the network (unless allow-listed), resolved now against DNS rebinding
  const policy = await loadOutboundPolicy(deps.db);
  if (deps.fetch === undefined) {
    const response = await guardedPost({ url: settings.webhookUrl, headers, body, policy, timeoutMs: WEBHOOK_TIMEOUT_MS, maxResponseBytes: WEBHOOK_MAX_RESPONSE_BYTES });
    if (response.status < 200 || response.status >= 300) throw new Error(`Webhook 返回 HTTP ${response.status}`);
    return;
  }
  const url = assertWebhookUrlAllowed(settings.webhookUrl, policy);
  await resolveAllowedAddresses(url.hostname, policy);
  const response = await deps.fetch(settings.webhookUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Webhook 返回 HTTP ${response.status}`);
}

/** Delay before retry number `attempts` (1 → base, 2 → 2×base, …), capped at one day. */
export function backoffMs(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), 24 * 60 * 60 * 1000);
}

async function deliver(deps: OutboxSenderDeps, row: OutboxRow): Promise<boolean | null> {
  // The batch was claimed at once; renew this row's lease just before sending it, and skip it when
  // the lease ran out meanwhile and another sender holds it now (no second send of a delivery).
  if (row.claimedUntil !== null) {
    const renewed = await renewOutboxLease(deps.db, { id: row.id, heldUntil: row.claimedUntil, until: new Date(deps.clock.now().getTime() + LEASE_MS) });
    if (!renewed) return null;
  }
  try {
    if (row.kind === NOTIFICATION_KIND) {
      await fanOut(deps, row.id);
      return true;
    }
    if (row.kind === EMAIL_KIND) await sendEmail(deps, row);
    else await sendWebhook(deps, row);
    await markOutboxSent(deps.db, row.id, deps.clock.now());
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const now = deps.clock.now();
    const retryAt = row.attempts >= deps.settings.maxAttempts ? null : new Date(now.getTime() + backoffMs(row.attempts, deps.settings.backoffSeconds));
    await markOutboxFailed(deps.db, row.id, message.slice(0, 2000), retryAt, now);
    deps.logger?.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, givenUp: retryAt === null, err: message }, 'outbox delivery failed');
    return false;
  }
}

/**
 * Delivers due outbox rows until none is left (or `maxRows` were handled). Notifications fan out
 * first, so their e-mails and webhooks go out in the same run.
 */
export async function sendDueOutbox(deps: OutboxSenderDeps, maxRows = 10_000): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0 };
  let handled = 0;
  while (handled < maxRows) {
    const rows = await claimOutboxRows(deps.db, { now: deps.clock.now(), leaseMs: LEASE_MS, limit: BATCH, kinds: OUTBOX_KINDS });
    if (rows.length === 0) break;
    for (const row of rows) {
      const delivered = await deliver(deps, row);
      if (delivered === true) result.sent += 1;
      else if (delivered === false) result.failed += 1;
    }
    handled += rows.length;
  }
  return result;
}
