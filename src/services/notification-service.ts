/**
 * Notifications: written to the outbox in the transaction of the change (`enqueueNotification`),
 * fanned out after commit by the outbox sender (src/services/outbox-sender.ts).
 */
import type { DbOrTx } from '../db/database.ts';
import { insertOutboxRow } from '../repositories/outbox-repository.ts';
import { NOTIFICATION_KIND } from './notification-types.ts';
import type { NotificationPayload } from './notification-types.ts';

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
