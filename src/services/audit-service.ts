/**
 * The audit trail: every state change records a chained row in the transaction of the change,
 * and the audit administrator reads and verifies the trail.
 */
import type { DbOrTx } from '../db/database.ts';
import { AuditChainVerifier, chainAuditRow, checkAuditCheckpoints, toJsonValue } from '../domain/audit/index.ts';
import type { AuditContent, AuditResult, ChainVerification, ChainedAuditRow } from '../domain/audit/index.ts';
import { advanceAuditAnchor, auditKey, markAuditAppended, readAnchor } from './audit-key.ts';
import {
  appendAuditRow,
  auditRowsAfter,
  listAuditCheckpoints,
  lockChainHead,
  readChainHead,
  toChainedRow,
  toCheckpointManifest,
} from '../repositories/audit-repository.ts';

/**
 * What a change records, as services write it: the audit row (the domain's `AuditContent`: actor,
 * dotted action such as `account.create`, entity, request) before it is numbered and chained, with
 * the instant as a Date and the states as any value (made JSON here). `before` is null when created,
 * `after` null when deleted; never include secrets such as password hashes.
 */
export type AuditEntry = Omit<AuditContent, 'seq' | 'occurredAt' | 'before' | 'after' | 'result' | 'hashVersion'> & {
  before: unknown;
  after: unknown;
  /** When the change happened: the request's clock (never read here). */
  at: Date;
  /** `failure` for a refused attempt; default `success`. */
  result?: AuditResult;
};

/**
 * Writes a chained audit row, keyed with the audit key (HMAC-SM3), in the caller's transaction.
 * Locks the chain head (released at commit), so concurrent transactions append one after another
 * to one chain. Call it inside the `db.transaction` of the change it records.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const head = await lockChainHead(tx);
  const at = entry.at;
  const row = chainAuditRow(head, {
    occurredAt: at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    requestId: entry.requestId,
    clientAddress: entry.clientAddress,
    result: entry.result ?? 'success',
  }, auditKey());
  await appendAuditRow(tx, row);
  markAuditAppended();
}

/** Who did it and from where: the part of an audit entry that comes from the request. */
export interface AuditOrigin {
  actorId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  /** The instant of the request (its clock): every change a request makes happens at this time. */
  at: Date;
}

/** A stored audit row as the audit administrator reads it: the chained row and who the actor is. */
export interface AuditRecord extends ChainedAuditRow {
  /** Read model only, not part of the hashed content */
  actorUsername: string | null;
  actorDisplayName: string | null;
}

/**
 * Verifies the whole chain page by page with the audit key, and its length and end against the
 * anchor kept outside the database; reports the first broken link (or the truncation). When old
 * rows were archived, the chain is verified from the latest archive checkpoint (a forged or missing
 * checkpoint is a break). An intact
 * chain moves the anchor forward (a missing anchor is started from it).
 */
export async function verifyAudit(db: DbOrTx, options: { pageSize?: number } = {}): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 1000;
  const reading = readAnchor();
  // Archived rows (issue 17, retention): the chain starts after the latest checkpoint, each checkpoint
  // signed with the audit key and following the one before; without one the chain starts at row 1.
  const archived = checkAuditCheckpoints((await listAuditCheckpoints(db)).map(toCheckpointManifest), auditKey());
  const verifier = new AuditChainVerifier({
    keyHex: auditKey(),
    anchor: reading.status === 'ok' ? reading.anchor : null,
    start: archived.start,
  });
  if (reading.status === 'invalid') {
    verifier.fail({ kind: 'anchor_invalid', seq: 0, expectedSeq: 0, message: reading.message });
  }
  if (archived.problem !== null) verifier.fail(archived.problem);
  let afterSeq: number | null = null;
  for (;;) {
    const rows = await auditRowsAfter(db, afterSeq, pageSize);
    let broken = false;
    for (const row of rows) {
      if (verifier.push(toChainedRow(row)) !== null) {
        broken = true;
        break;
      }
    }
    const last = rows[rows.length - 1];
    if (broken || last === undefined || rows.length < pageSize) break;
    afterSeq = Number(last.seq);
  }
  const result = verifier.finish(await readChainHead(db));
  if (result.ok) await advanceAuditAnchor(db);
  return result;
}

