/** The in-app inbox of the signed-in account, and where it receives e-mail. */
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import {
  countUnreadInboxItems,
  findNotificationAddress,
  listInboxItems,
  markInboxItemsRead,
  setNotificationAddress,
} from '../repositories/notification-repository.ts';
import { recordAudit } from './audit-service.ts';
import { maskEmail } from '../domain/audit/index.ts';
import type { AuditOrigin } from './audit-service.ts';

export interface InboxItem {
  id: string;
  bodyId: string | null;
  event: string;
  title: string;
  message: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

/** The account's newest inbox items (optionally unread only) and its unread count. */
export async function getInbox(db: DbOrTx, options: { accountId: string; unreadOnly: boolean; limit: number }): Promise<Inbox> {
  const rows = await listInboxItems(db, options.accountId, { unreadOnly: options.unreadOnly, limit: options.limit });
  return {
    unread: await countUnreadInboxItems(db, options.accountId),
    items: rows.map((r) => ({
      id: r.id,
      bodyId: r.bodyId,
      event: r.event,
      title: r.title,
      message: r.message,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
  };
}

/** Marks the given items (or all when `ids` is null) of the account read. */
export async function markInboxRead(db: DbOrTx, options: { accountId: string; ids: string[] | null; clock: Clock }): Promise<{ marked: number }> {
  return { marked: await markInboxItemsRead(db, options.accountId, options.ids, options.clock.now()) };
}

/** The e-mail address the account receives notifications at (null: none). */
export async function getNotificationAddress(db: DbOrTx, options: { accountId: string }): Promise<{ email: string | null }> {
  return { email: await findNotificationAddress(db, options.accountId) };
}

/** Sets (or, with null, removes) the account's e-mail address for notifications. */
export async function updateNotificationAddress(db: Database, options: { clock: Clock; accountId: string; email: string | null; origin: AuditOrigin }): Promise<{ email: string | null }> {
  const email = options.email?.trim() ?? null;
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new AppError('invalid_email', '电子邮件地址格式不正确', { field: 'email' });
  await db.transaction(async (tx) => {
    const before = await findNotificationAddress(tx, options.accountId);
    const at = options.origin.at ?? options.clock.now();
    await setNotificationAddress(tx, options.accountId, email, at);
    await recordAudit(tx, { ...options.origin, at, action: 'notification_address.update', entityType: 'account', entityId: options.accountId, before: { email: before === null ? null : maskEmail(before) }, after: { email: email === null ? null : maskEmail(email), changedFields: before === email ? [] : ['email'] } });
  });
  return { email };
}
