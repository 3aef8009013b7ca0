/**
 * SQL for the outbox: rows written in the transaction of a change, claimed by the sender after
 * commit (`FOR UPDATE SKIP LOCKED`, with a lease in `claimed_until` so a crashed sender's rows come
 * back), marked sent, or rescheduled with backoff and finally given up.
 */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { outbox } from '../db/schema/platform.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export async function insertOutboxRow(
  db: DbOrTx,
  values: { kind: string; payload: unknown; bodyId: string | null; at: Date; availableAt?: Date },
): Promise<number> {
  const [row] = await db
    .insert(outbox)
    .values({
      kind: values.kind,
      payload: values.payload,
      bodyId: values.bodyId,
      createdAt: values.at,
      availableAt: values.availableAt ?? values.at,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('insert into outbox returned no row');
  return row.id;
}

/**
 * Claims up to `limit` due rows for `leaseMs`: rows not sent, not given up, available and not
 * claimed by a live lease. Rows locked by another claimer are skipped, so concurrent senders never
 * take the same row. Returns the claimed rows with `attempts` already counted.
 */
export async function claimOutboxRows(
  db: DbOrTx,
  options: { now: Date; leaseMs: number; limit: number; kinds?: readonly string[] },
): Promise<OutboxRow[]> {
  const until = new Date(options.now.getTime() + options.leaseMs);
  const kindFilter =
    options.kinds === undefined ? sql`` : sql` AND kind IN (${sql.join(options.kinds.map((k) => sql`${k}`), sql`, `)})`;
  const result = await db.execute(sql`
    UPDATE outbox SET claimed_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE sent_at IS NULL AND failed_at IS NULL
        AND available_at <= ${options.now.toISOString()}::timestamptz
        AND (claimed_until IS NULL OR claimed_until < ${options.now.toISOString()}::timestamptz)${kindFilter}
      ORDER BY available_at, id
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  const ids = rowsOf(result).map((r) => Number(r['id']));
  if (ids.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(sql`${outbox.id} IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
    .orderBy(asc(outbox.id));
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

/**
 * Extends the lease of a claimed row to `until` when the caller still holds it (its lease is the one
 * it claimed, `heldUntil`, and the row is neither sent nor given up); false when another sender took
 * it over meanwhile.
 */
export async function renewOutboxLease(db: DbOrTx, options: { id: number; heldUntil: Date; until: Date }): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ claimedUntil: options.until })
    .where(and(eq(outbox.id, options.id), eq(outbox.claimedUntil, options.heldUntil), isNull(outbox.sentAt), isNull(outbox.failedAt)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markOutboxSent(db: DbOrTx, id: number, at: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ sentAt: at, claimedUntil: null, lastError: null })
    .where(eq(outbox.id, id));
}

/** Records a failed attempt: retried at `retryAt`, or given up when `retryAt` is null. */
export async function markOutboxFailed(db: DbOrTx, id: number, error: string, retryAt: Date | null, at: Date): Promise<void> {
  await db
    .update(outbox)
    .set(
      retryAt === null
        ? { lastError: error, claimedUntil: null, failedAt: at }
        : { lastError: error, claimedUntil: null, availableAt: retryAt },
    )
    .where(eq(outbox.id, id));
}

/** Rows of a body that failed at least once and are not sent: retrying or given up. */
export async function listFailingOutboxRows(db: DbOrTx, bodyId: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.bodyId, bodyId), isNull(outbox.sentAt), gt(outbox.attempts, 0), sql`${outbox.lastError} IS NOT NULL`))
    .orderBy(desc(outbox.id))
    .limit(limit);
}

export async function findOutboxRow(db: DbOrTx, id: number): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row ?? null;
}

/** Puts a given-up row back in the queue now. */
export async function retryOutboxRow(db: DbOrTx, id: number, at: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ failedAt: null, availableAt: at, claimedUntil: null })
    .where(eq(outbox.id, id));
}

/** Locks a claimed row that is not sent yet (released at commit); null when already sent. */
export async function lockUnsentOutboxRow(db: DbOrTx, id: number): Promise<OutboxRow | null> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), isNull(outbox.sentAt)))
    .for('update');
  return row ?? null;
}
