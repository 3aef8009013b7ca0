/**
 * The audit key and the anchor of the audit chain, both kept outside the database.
 *
 * - The key (LIANXI_AUDIT_KEY; in development and tests generated once into `<data dir>/audit.key`)
 *   keys every new audit row (HMAC-SM3), the anchor and backups. Someone who can write the database
 *   but not read the key cannot forge or recompute the chain.
 * - The anchor (`<data dir>/audit-anchor.json`) holds the chain's last sequence number and hash as
 *   last seen by this installation, with their HMAC. It only moves forward, and only when the row it
 *   names is unchanged, so a chain shortened at its end, wiped or recomputed is detected by verify.
 *
 * The process configures the trail once at start (`configureAuditTrail`, called by buildApp and the
 * CLI); recordAudit reads the key from here, so the many services that write audit rows need no key.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import type { DbOrTx } from '../db/database.ts';
import { anchorMac, checkAuditCheckpoints, hmacSm3 } from '../domain/audit/index.ts';
import type { AuditAnchor } from '../domain/audit/index.ts';
import { auditHashAt, listAuditCheckpoints, readChainHead, toCheckpointManifest } from '../repositories/audit-repository.ts';
import { useDataKey } from '../db/field-encryption.ts';

const KEY_FILE = 'audit.key';
const ANCHOR_FILE = 'audit-anchor.json';

interface AuditTrailState {
  keyHex: string;
  /** Null: no anchor file (no data directory known). */
  anchorFile: string | null;
}

let state: AuditTrailState | null = null;
let appendedSinceAnchor = false;
let anchoring: Promise<void> | null = null;

/**
 * The configured key, or (when unset, outside production) the key kept in the data directory,
 * generated with 256 random bits on first use and readable by the owner only.
 */
export function resolveAuditKey(config: Pick<AppConfig, 'auditKey' | 'dataDir'>): string {
  if (config.auditKey !== undefined) return config.auditKey;
  if (process.env.NODE_ENV === 'production') {
    throw new Error('LIANXI_AUDIT_KEY is required when NODE_ENV=production');
  }
  const file = path.join(config.dataDir, KEY_FILE);
  try {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (/^(?:[0-9a-f]{2}){16,64}$/.test(stored)) return stored;
    throw new Error(`${file} does not hold a hex key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * Sets the key and anchor file of this process (at start, from the configuration), and the data key
 * of src/db/field-encryption.ts (LIANXI_DATA_KEY; unset: derived from the audit key).
 */
export function configureAuditTrail(config: Pick<AppConfig, 'auditKey' | 'dataDir'> & Partial<Pick<AppConfig, 'dataKey'>>): void {
  state = { keyHex: resolveAuditKey(config), anchorFile: path.join(config.dataDir, ANCHOR_FILE) };
  // The SM4 key of personal fields: LIANXI_DATA_KEY, or (when unset, which the configuration
  // refuses in production) one derived from the audit key.
  useDataKey(config.dataKey ?? derivedAuditKey('personal-data').slice(0, 32));
}

function currentState(): AuditTrailState {
  if (state === null) {
    // Only services tested without an app or data directory (NODE_ENV=test, set by Vitest) get a key
    // for this process alone; anywhere else a row written before configuration would never verify.
    if (process.env.NODE_ENV !== 'test') throw new Error('audit trail not configured: call configureAuditTrail(config) at start');
    state = { keyHex: randomBytes(32).toString('hex'), anchorFile: null };
  }
  return state;
}

/** The key that keys new audit rows (hex). */
export function auditKey(): string {
  return currentState().keyHex;
}

/** A key for one purpose derived from the audit key (e.g. backup signature, backup encryption). */
export function derivedAuditKey(purpose: string): string {
  return hmacSm3(auditKey(), `lianxi-derived-key\n${purpose}`);
}

/** Notes that this process appended audit rows (the anchor is moved after the response). */
export function markAuditAppended(): void {
  appendedSinceAnchor = true;
}

export type AnchorReading =
  | { status: 'none' }
  | { status: 'missing' }
  | { status: 'invalid'; message: string }
  | { status: 'ok'; anchor: AuditAnchor };

/** Reads and checks the anchor file. `none`: this process keeps no anchor. */
export function readAnchor(): AnchorReading {
  const { anchorFile, keyHex } = currentState();
  if (anchorFile === null) return { status: 'none' };
  let text: string;
  try {
    text = fs.readFileSync(anchorFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    const value = JSON.parse(text) as { lastSeq?: unknown; lastHash?: unknown; mac?: unknown };
    if (typeof value.lastSeq !== 'number' || typeof value.lastHash !== 'string' || typeof value.mac !== 'string') {
      return { status: 'invalid', message: '审计锚点文件格式不正确' };
    }
    const anchor = { lastSeq: value.lastSeq, lastHash: value.lastHash };
    if (anchorMac(keyHex, anchor) !== value.mac) {
      return { status: 'invalid', message: '审计锚点文件的校验值不符（锚点被改动或密钥不同）' };
    }
    return { status: 'ok', anchor };
  } catch {
    return { status: 'invalid', message: '审计锚点文件不是有效的 JSON' };
  }
}

function writeAnchor(anchor: AuditAnchor): void {
  const { anchorFile, keyHex } = currentState();
  if (anchorFile === null) return;
  fs.mkdirSync(path.dirname(anchorFile), { recursive: true });
  const temporary = `${anchorFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ ...anchor, mac: anchorMac(keyHex, anchor) })}\n`, { mode: 0o600 });
  fs.renameSync(temporary, anchorFile);
}

/**
 * Moves the anchor to the committed chain head when it is further on and the row the anchor names
 * is unchanged (so the anchor never follows a shortened or rewritten chain). Cheap: two reads.
 */
export async function advanceAuditAnchor(db: DbOrTx): Promise<void> {
  const reading = readAnchor();
  if (reading.status === 'none' || reading.status === 'invalid') return;
  const head = await readChainHead(db);
  if (head === null || head.lastSeq === 0) return;
  if (reading.status === 'ok') {
    const { anchor } = reading;
    if (head.lastSeq <= anchor.lastSeq) return;
    if (anchor.lastSeq > 0 && (await hashAtOrArchived(db, anchor.lastSeq, anchor.lastHash)) !== anchor.lastHash) return;
  }
  writeAnchor(head);
}

/**
 * The stored hash of a row, or, when the row was archived (issue 17, retention), what the signed
 * checkpoints say of it: the checkpoint's head hash for its last row, `expected` for a row inside
 * its range (the signed checkpoint stands for the rows it archived); null when neither.
 */
async function hashAtOrArchived(db: DbOrTx, seq: number, expected: string): Promise<string | null> {
  const stored = await auditHashAt(db, seq);
  if (stored !== null) return stored;
  const checkpoints = (await listAuditCheckpoints(db)).map(toCheckpointManifest);
  const { start, problem } = checkAuditCheckpoints(checkpoints, currentState().keyHex);
  if (problem !== null || start === null || seq > start.seq) return null;
  return seq === start.seq ? start.hash : expected;
}

/** After a response: moves the anchor if this process appended rows since (one at a time). */
export async function anchorAfterAppend(db: DbOrTx): Promise<void> {
  if (!appendedSinceAnchor || state === null || state.anchorFile === null) return;
  if (anchoring !== null) {
    await anchoring;
    if (!appendedSinceAnchor) return;
  }
  appendedSinceAnchor = false;
  anchoring = advanceAuditAnchor(db).finally(() => {
    anchoring = null;
  });
  await anchoring;
}
