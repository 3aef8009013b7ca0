/**
 * The SM3 hash chain of the audit trail. Each row's hash covers its own canonical content and the
 * previous row's hash; sequence numbers are gapless from 1. Verifying a sequence finds the first
 * edited, deleted or inserted row.
 */
import smCrypto from 'sm-crypto';
import { canonicalJson, toJsonValue } from './canonical-json.ts';
import type { JsonValue } from './canonical-json.ts';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one audit row records. */
export interface AuditContent {
  seq: number;
  /** ISO 8601 instant (UTC, millisecond precision). */
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: JsonValue;
  after: JsonValue;
  requestId: string | null;
  clientAddress: string | null;
}

export interface ChainedAuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The canonical text hashed for a row. */
export function auditCanonicalText(content: AuditContent): string {
  return canonicalJson({
    v: 1,
    seq: content.seq,
    occurredAt: content.occurredAt,
    actorId: content.actorId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: toJsonValue(content.before),
    after: toJsonValue(content.after),
    requestId: content.requestId,
    clientAddress: content.clientAddress,
  });
}

/** SM3 over the previous hash and the row's canonical text. */
export function auditRowHash(prevHash: string, content: AuditContent): string {
  return smCrypto.sm3(`${prevHash}\n${auditCanonicalText(content)}`);
}

/** Builds the next chained row after a head (`lastSeq`, `lastHash`). */
export function chainAuditRow(
  head: { lastSeq: number; lastHash: string },
  content: Omit<AuditContent, 'seq'>,
): ChainedAuditRow {
  const full: AuditContent = { ...content, seq: head.lastSeq + 1 };
  return { ...full, prevHash: head.lastHash, hash: auditRowHash(head.lastHash, full) };
}

export type ChainBreakKind =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'head_mismatch';

/** The first broken link of the chain. */
export interface ChainBreak {
  kind: ChainBreakKind;
  /** The sequence number where the chain breaks (the row found, or the head's when rows are missing at the end). */
  seq: number;
  /** The sequence number expected at this position. */
  expectedSeq: number;
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows checked before the first break (all rows when ok). */
  checked: number;
  lastSeq: number;
  lastHash: string;
  firstBreak: ChainBreak | null;
}

/**
 * Incremental verifier: push rows in sequence order (e.g. page by page), then finish() with the
 * stored chain head. Stops at the first break.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private lastHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** Checks one row; returns the break if this row breaks the chain. */
  push(row: ChainedAuditRow): ChainBreak | null {
    if (this.broken !== null) return this.broken;
    const expectedSeq = this.expectedSeq;
    if (row.seq !== expectedSeq) {
      this.broken = {
        kind: 'sequence_gap',
        seq: row.seq,
        expectedSeq,
        message:
          row.seq > expectedSeq
            ? `第 ${expectedSeq} 至 ${row.seq - 1} 条审计记录缺失（已被删除）`
            : `第 ${row.seq} 条审计记录序号重复或倒序（疑似插入）`,
      };
      return this.broken;
    }
    if (row.prevHash !== this.lastHash) {
      this.broken = {
        kind: 'prev_hash_mismatch',
        seq: row.seq,
        expectedSeq,
        message: `第 ${row.seq} 条审计记录的前序哈希与第 ${row.seq - 1} 条不符（记录被插入、删除或替换）`,
      };
      return this.broken;
    }
    const recomputed = auditRowHash(row.prevHash, row);
    if (recomputed !== row.hash) {
      this.broken = {
        kind: 'hash_mismatch',
        seq: row.seq,
        expectedSeq,
        message: `第 ${row.seq} 条审计记录的内容与其哈希不符（记录被修改）`,
      };
      return this.broken;
    }
    this.lastHash = row.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return null;
  }

  /** Compares the end of the chain with the stored head (detects rows deleted at the end). */
  finish(head: { lastSeq: number; lastHash: string } | null): ChainVerification {
    if (this.broken === null && head !== null) {
      const lastSeq = this.expectedSeq - 1;
      if (head.lastSeq !== lastSeq || head.lastHash !== this.lastHash) {
        this.broken = {
          kind: 'head_mismatch',
          seq: head.lastSeq,
          expectedSeq: lastSeq + 1,
          message:
            head.lastSeq > lastSeq
              ? `第 ${lastSeq + 1} 至 ${head.lastSeq} 条审计记录缺失（链尾被删除）`
              : `审计链头（第 ${head.lastSeq} 条）与最后一条记录（第 ${lastSeq} 条）不符`,
        };
      }
    }
    return {
      ok: this.broken === null,
      checked: this.checked,
      lastSeq: this.expectedSeq - 1,
      lastHash: this.lastHash,
      firstBreak: this.broken,
    };
  }
}

/** Verifies a whole sequence of rows (ordered by seq) against the chain head. */
export function verifyAuditChain(
  rows: Iterable<ChainedAuditRow>,
  head: { lastSeq: number; lastHash: string } | null,
): ChainVerification {
  const verifier = new AuditChainVerifier();
  for (const row of rows) {
    if (verifier.push(row) !== null) break;
  }
  return verifier.finish(head);
}
