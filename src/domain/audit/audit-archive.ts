/**
 * Archives of old audit rows (issue 17, retention): a file of JSON Lines whose first line is the
 * manifest and whose other lines are the archived rows in sequence order. The manifest names the
 * range, the hash the first row chains to and the chain head hash of the last row, and is signed
 * (HMAC-SM3 with the audit key). The same manifest, with its signature, is the checkpoint kept in
 * the database: the remaining chain starts from the latest checkpoint.
 */
import { GENESIS_HASH, hmacSm3 } from './audit-chain.ts';
import type { AuditHashVersion, ChainBreak, ChainStart } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

export const AUDIT_ARCHIVE_FORMAT = 'lianxi-audit-archive';
export const AUDIT_ARCHIVE_VERSION = 1;

/** What an archiving signs: the archived range and the chain hashes at both of its ends. */
export interface AuditArchiveManifest {
  format: typeof AUDIT_ARCHIVE_FORMAT;
  version: typeof AUDIT_ARCHIVE_VERSION;
  /** The checkpoint number (1, 2, 3 … in archiving order). */
  checkpoint: number;
  firstSeq: number;
  lastSeq: number;
  count: number;
  /** The hash the first archived row chains to (the previous checkpoint's lastHash, or genesis). */
  prevHash: string;
  /** The chain head hash of the last archived row. */
  lastHash: string;
  lastHashVersion: AuditHashVersion;
  /** Rows that occurred before this instant (ISO 8601) were archived. */
  cutOff: string;
  archivedAt: string;
  fileName: string;
}

/** A manifest with its signature: the first line of an archive file, and a checkpoint row. */
export interface SignedAuditArchiveManifest extends AuditArchiveManifest {
  signature: string;
}

/** The signature of a manifest: HMAC-SM3 over its canonical JSON with the audit key. */
export function auditArchiveSignature(keyHex: string, manifest: AuditArchiveManifest): string {
  const { format, version, checkpoint, firstSeq, lastSeq, count, prevHash, lastHash, lastHashVersion, cutOff, archivedAt, fileName } = manifest;
  const content = { format, version, checkpoint, firstSeq, lastSeq, count, prevHash, lastHash, lastHashVersion, cutOff, archivedAt, fileName };
  return hmacSm3(keyHex, `lianxi-audit-archive\n${canonicalJson(content)}`);
}

/** Signs a manifest. */
export function signAuditArchiveManifest(keyHex: string, manifest: AuditArchiveManifest): SignedAuditArchiveManifest {
  return { ...manifest, signature: auditArchiveSignature(keyHex, manifest) };
}

/**
 * Checks the checkpoints of a trail (any order): each signed with the audit key, numbered 1, 2, 3 …,
 * the first starting at row 1 from genesis and each next one where the previous ended. Returns where
 * the remaining chain starts (null: nothing archived) or the first problem, as a chain break.
 */
export function checkAuditCheckpoints(
  checkpoints: readonly SignedAuditArchiveManifest[],
  keyHex: string,
): { start: ChainStart | null; problem: ChainBreak | null } {
  const ordered = [...checkpoints].sort((a, b) => a.checkpoint - b.checkpoint);
  let previous: SignedAuditArchiveManifest | null = null;
  for (const [index, checkpoint] of ordered.entries()) {
    if (auditArchiveSignature(keyHex, checkpoint) !== checkpoint.signature) {
      return {
        start: null,
        problem: {
          kind: 'anchor_invalid',
          seq: checkpoint.lastSeq,
          expectedSeq: checkpoint.firstSeq,
          message: `审计归档检查点 ${checkpoint.checkpoint}（第 ${checkpoint.firstSeq} 至 ${checkpoint.lastSeq} 条）的签名不符（检查点被伪造或改动，或审计密钥不同）`,
        },
      };
    }
    const expectedFirst = previous === null ? 1 : previous.lastSeq + 1;
    const expectedPrevHash = previous === null ? GENESIS_HASH : previous.lastHash;
    if (checkpoint.checkpoint !== index + 1 || checkpoint.firstSeq !== expectedFirst || checkpoint.prevHash !== expectedPrevHash) {
      return {
        start: null,
        problem: {
          kind: 'sequence_gap',
          seq: checkpoint.firstSeq,
          expectedSeq: expectedFirst,
          message: `审计归档检查点 ${checkpoint.checkpoint} 与前一检查点不衔接（应从第 ${expectedFirst} 条开始：检查点缺失或被替换）`,
        },
      };
    }
    previous = checkpoint;
  }
  return {
    start: previous === null ? null : { seq: previous.lastSeq, hash: previous.lastHash, hashVersion: previous.lastHashVersion },
    problem: null,
  };
}

/** A checkpoint as stored (snake_case, e.g. a backup's row_to_json text) as a signed manifest. */
export function checkpointFromStoredJson(row: Record<string, unknown>): SignedAuditArchiveManifest {
  return {
    format: AUDIT_ARCHIVE_FORMAT,
    version: AUDIT_ARCHIVE_VERSION,
    checkpoint: Number(row.id),
    firstSeq: Number(row.first_seq),
    lastSeq: Number(row.last_seq),
    count: Number(row.row_count),
    prevHash: String(row.prev_hash),
    lastHash: String(row.last_hash),
    lastHashVersion: Number(row.last_hash_version) === 2 ? 2 : 1,
    cutOff: new Date(String(row.cut_off)).toISOString(),
    archivedAt: new Date(String(row.archived_at)).toISOString(),
    fileName: String(row.file_name),
    signature: String(row.signature),
  };
}
