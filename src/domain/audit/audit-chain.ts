/**
 * The hash chain of the audit trail. Each row's hash covers its own canonical content and the
 * previous row's hash; sequence numbers are gapless from 1. Rows of hash version 2 (from migration
 * 0009) are keyed: HMAC-SM3 with a key kept outside the database, so the chain cannot be recomputed
 * by someone who can only write the database. Version 1 rows (plain SM3, written before) stay
 * verifiable; once a version 2 row exists, no version 1 row may follow. Verifying a sequence finds
 * the first edited, deleted or inserted row; an anchor kept outside the database (the last
 * sequence number and hash seen) detects a chain shortened at its end or wiped.
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
  /** Whether the attempt succeeded or was refused. */
  result: AuditResult;
  /** 1: SM3 without key (rows before migration 0009); 2: HMAC-SM3 with the audit key. */
  hashVersion: AuditHashVersion;
}

export type AuditResult = 'success' | 'failure';
export type AuditHashVersion = 1 | 2;

/** The anchor kept outside the database: the chain's last sequence number and hash when last seen. */
export interface AuditAnchor {
  lastSeq: number;
  lastHash: string;
}

export interface ChainedAuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The canonical text hashed for a row. */
export function auditCanonicalText(content: AuditContent): string {
  const keyed = content.hashVersion === 2;
  const fields = {
    v: keyed ? 2 : 1,
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
  };
  // Version 2 (keyed) also covers the result; version 1 rows keep their original text.
  return canonicalJson(keyed ? { ...fields, result: content.result } : fields);
}

/** HMAC-SM3 of a text with a hex key (as hex). */
export function hmacSm3(keyHex: string, text: string): string {
  return smCrypto.sm3(text, { key: keyHex, mode: 'hmac' });
}

/**
 * The row's hash over the previous hash and its canonical text: SM3 for version 1, HMAC-SM3 with
 * `keyHex` for version 2 (null key: a version 2 row cannot be hashed).
 */
export function auditRowHash(prevHash: string, content: AuditContent, keyHex: string | null): string | null {
  const text = `${prevHash}\n${auditCanonicalText(content)}`;
  if (content.hashVersion === 1) return smCrypto.sm3(text);
  return keyHex === null ? null : hmacSm3(keyHex, text);
}

/** Builds the next chained row after a head (`lastSeq`, `lastHash`), keyed (version 2) with `keyHex`. */
export function chainAuditRow(
  head: { lastSeq: number; lastHash: string },
  content: Omit<AuditContent, 'seq' | 'hashVersion'>,
  keyHex: string,
): ChainedAuditRow {
  const full: AuditContent = { ...content, seq: head.lastSeq + 1, hashVersion: 2 };
  return { ...full, prevHash: head.lastHash, hash: hmacSm3(keyHex, `${head.lastHash}\n${auditCanonicalText(full)}`) };
}

/** The MAC of an anchor (so a forged anchor file is recognised). */
export function anchorMac(keyHex: string, anchor: AuditAnchor): string {
  return hmacSm3(keyHex, `lianxi-audit-anchor\n${anchor.lastSeq}\n${anchor.lastHash}`);
}

export type ChainBreakKind =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'head_mismatch'
  | 'version_downgrade'
  | 'truncated'
  | 'anchor_mismatch'
  | 'anchor_invalid';

/** Where a chain whose oldest rows were archived starts: the last archived row's seq, hash and hash version. */
export interface ChainStart {
  seq: number;
  hash: string;
  hashVersion: AuditHashVersion;
}

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
  private keyed = false;
  private hashAtAnchor: string | null = null;
  private readonly keyHex: string | null;
  private readonly anchor: AuditAnchor | null;
  private readonly startSeq: number;

  /**
   * `keyHex`: the audit key (needed for version 2 rows); `anchor`: the checked anchor, if any;
   * `start`: where the chain starts when its oldest rows were archived (the latest checkpoint,
   * whose signature the caller checked): the first row must follow it.
   */
  constructor(options: { keyHex?: string | null; anchor?: AuditAnchor | null; start?: ChainStart | null } = {}) {
    this.keyHex = options.keyHex ?? null;
    this.anchor = options.anchor ?? null;
    const start = options.start ?? null;
    this.startSeq = start?.seq ?? 0;
    if (start !== null) {
      this.expectedSeq = start.seq + 1;
      this.lastHash = start.hash;
      this.keyed = start.hashVersion === 2;
      // An anchor at or before the start names an archived row: the signed checkpoint stands for it.
      if (this.anchor !== null && this.anchor.lastSeq <= start.seq) {
        this.hashAtAnchor = this.anchor.lastSeq === start.seq ? start.hash : this.anchor.lastHash;
      }
    }
  }

  /** Records a break found outside the rows (e.g. an anchor whose MAC fails). */
  fail(link: ChainBreak): void {
    this.broken ??= link;
  }

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
            ? `第 ${expectedSeq} 至 ${row.seq - 1} 条审计记录缺失（已被删除${this.startSeq === 0 && expectedSeq === 1 ? '，且没有归档检查点' : ''}）`
            : row.seq <= this.startSeq
              ? `第 ${row.seq} 条审计记录已由归档检查点（至第 ${this.startSeq} 条）归档，却仍在库中（疑似插入）`
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
    if (row.hashVersion === 1 && this.keyed) {
      this.broken = {
        kind: 'version_downgrade',
        seq: row.seq,
        expectedSeq,
        message: `第 ${row.seq} 条审计记录未用密钥计算（其前已有带密钥的记录：链被重算或替换）`,
      };
      return this.broken;
    }
    const recomputed = auditRowHash(row.prevHash, row, this.keyHex);
    if (recomputed !== row.hash) {
      this.broken = {
        kind: 'hash_mismatch',
        seq: row.seq,
        expectedSeq,
        message: `第 ${row.seq} 条审计记录的内容与其哈希不符（记录被修改）`,
      };
      return this.broken;
    }
    if (row.hashVersion === 2) this.keyed = true;
    if (this.anchor !== null && row.seq === this.anchor.lastSeq) this.hashAtAnchor = row.hash;
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
    const anchor = this.anchor;
    if (this.broken === null && anchor !== null) {
      const lastSeq = this.expectedSeq - 1;
      if (anchor.lastSeq > lastSeq) {
        this.broken = {
          kind: 'truncated',
          seq: anchor.lastSeq,
          expectedSeq: lastSeq + 1,
          message: `审计链被截短：库外锚点记录到第 ${anchor.lastSeq} 条，库中只到第 ${lastSeq} 条（第 ${lastSeq + 1} 至 ${anchor.lastSeq} 条缺失）`,
        };
      } else if (anchor.lastSeq > 0 && this.hashAtAnchor !== anchor.lastHash) {
        this.broken = {
          kind: 'anchor_mismatch',
          seq: anchor.lastSeq,
          expectedSeq: anchor.lastSeq,
          message: `第 ${anchor.lastSeq} 条审计记录与库外锚点不符（审计链被整体重算或替换）`,
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
  options: { keyHex?: string | null; anchor?: AuditAnchor | null; start?: ChainStart | null } = {},
): ChainVerification {
  const verifier = new AuditChainVerifier(options);
  for (const row of rows) {
    if (verifier.push(row) !== null) break;
  }
  return verifier.finish(head);
}
