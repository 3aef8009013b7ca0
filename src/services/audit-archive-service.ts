/**
 * Retention of the audit trail (issue 17, 等保 level 3: audit records kept at least 6 months and
 * protected). The audit administrator's operator moves rows older than the retention period to a
 * signed archive file (`lianxi audit archive`), and checks such a file (`lianxi audit verify-archive`).
 *
 * The file is gzip-compressed JSON Lines: the first line is the manifest signed with the audit key
 * (HMAC-SM3: range, count, the hash the first row chains to, the chain head hash of the last row),
 * then one archived row per line in sequence order. The same signed manifest is recorded as an
 * archive checkpoint in the database, in the transaction that deletes the archived rows (the one
 * deletion migration 0018 lets through) and records the archiving's own audit row; `verifyAudit`
 * then starts the remaining chain from the latest checkpoint.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, DbOrTx } from '../db/database.ts';
import {
  AUDIT_ARCHIVE_FORMAT,
  AUDIT_ARCHIVE_VERSION,
  AuditChainVerifier,
  GENESIS_HASH,
  auditArchiveSignature,
  canonicalJson,
  checkAuditCheckpoints,
  signAuditArchiveManifest,
} from '../domain/audit/index.ts';
import type { ChainBreak, ChainStart, ChainedAuditRow, JsonValue, SignedAuditArchiveManifest } from '../domain/audit/index.ts';
import { AppError } from '../errors/app-error.ts';
import {
  auditRowsInRange,
  deleteArchivedAuditRows,
  firstAuditSeqFrom,
  insertAuditCheckpoint,
  listAuditCheckpoints,
  lockChainHead,
  lowestAuditSeq,
  readChainHead,
  toChainedRow,
  toCheckpointManifest,
} from '../repositories/audit-repository.ts';
import { auditKey } from './audit-key.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an archiving did. */
export interface AuditArchiveResult {
  /** The archive file written. */
  file: string;
  manifest: SignedAuditArchiveManifest;
}

/** The first instant whose rows the retention still keeps: `now` less the retention days. */
export function retentionLimit(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * Refuses a cut-off within the retention period (`retentionDays`, LIANXI_AUDIT_RETENTION_DAYS, at
 * least 180) counted back from `now`, naming the setting.
 */
export function assertCutOffOutsideRetention(options: { before: Date; now: Date; retentionDays: number }): void {
  const { before, now, retentionDays } = options;
  const limit = retentionLimit(now, retentionDays);
  if (Number.isNaN(before.getTime())) {
    throw new AppError('audit_archive_within_retention', '归档截止日期无效', { field: 'before' });
  }
  if (before.getTime() > limit.getTime()) {
    throw new AppError(
      'audit_archive_within_retention',
      `归档截止日期 ${before.toISOString().slice(0, 10)} 在审计记录保留期内：审计记录至少保留 ${retentionDays} 天（配置项 LIANXI_AUDIT_RETENTION_DAYS，最少 180 天），最晚只能归档 ${limit.toISOString().slice(0, 10)} 之前的记录`,
      { field: 'before', details: { retentionDays, latestCutOff: limit.toISOString() } },
    );
  }
}

/** Where the remaining chain starts (the latest checkpoint), refusing when the checkpoints do not verify. */
async function currentStart(db: DbOrTx): Promise<ChainStart | null> {
  const { start, problem } = checkAuditCheckpoints((await listAuditCheckpoints(db)).map(toCheckpointManifest), auditKey());
  if (problem !== null) {
    throw new AppError('audit_archive_chain_broken', `审计归档检查点未通过校验，拒绝归档：${problem.message}`, { details: { seq: problem.seq } });
  }
  return start;
}

function chainBroken(link: ChainBreak): AppError {
  return new AppError('audit_archive_chain_broken', `待归档的审计链断裂，拒绝归档：${link.message}（请先用 lianxi audit verify 查明）`, {
    details: { seq: link.seq, kind: link.kind },
  });
}

/**
 * Archives the audit rows that occurred before `before` (the oldest rows, up to the first row at or
 * after it) into `<outDir>/lianxi-audit-<checkpoint>-<first>-<last>.jsonl.gz`, then, in one
 * transaction, records the signed checkpoint, deletes the archived rows and records `audit.archive`.
 * Refuses a cut-off within the retention period (`retentionDays`, LIANXI_AUDIT_RETENTION_DAYS, at
 * least 180), nothing to archive, and a chain that does not verify up to the cut-off (a broken chain
 * is never signed). The file is written and synced before the rows go; if the transaction fails,
 * the file is removed and the rows stay.
 */
export async function archiveAuditTrail(
  db: Database,
  options: { before: Date; outDir: string; retentionDays: number; origin: AuditOrigin; pageSize?: number },
): Promise<AuditArchiveResult> {
  const { before, origin, retentionDays } = options;
  const pageSize = options.pageSize ?? 1000;
  assertCutOffOutsideRetention({ before, now: origin.at, retentionDays });

  const start = await currentStart(db);
  const firstSeq = (start?.seq ?? 0) + 1;
  const head = await readChainHead(db);
  const lowest = await lowestAuditSeq(db);
  const fromCutOff = await firstAuditSeqFrom(db, before);
  const lastSeq = fromCutOff === null ? (head?.lastSeq ?? 0) : fromCutOff - 1;
  if (lowest === null || lastSeq < firstSeq) {
    throw new AppError('audit_archive_empty', `${before.toISOString().slice(0, 10)} 之前没有可归档的审计记录`, { field: 'before' });
  }
  if (lowest !== firstSeq) {
    throw chainBroken({
      kind: 'sequence_gap',
      seq: lowest,
      expectedSeq: firstSeq,
      message: `库中最早的审计记录是第 ${lowest} 条，应为第 ${firstSeq} 条（记录缺失或检查点缺失）`,
    });
  }
  const [lastRow] = await auditRowsInRange(db, lastSeq - 1, lastSeq, 1);
  if (lastRow === undefined) {
    throw chainBroken({ kind: 'sequence_gap', seq: lastSeq, expectedSeq: lastSeq, message: `第 ${lastSeq} 条审计记录缺失` });
  }
  const lastChained = toChainedRow(lastRow);
  const checkpoint = (await listAuditCheckpoints(db)).length + 1;
  const fileName = `lianxi-audit-${checkpoint}-${firstSeq}-${lastSeq}.jsonl.gz`;
  const manifest = signAuditArchiveManifest(auditKey(), {
    format: AUDIT_ARCHIVE_FORMAT,
    version: AUDIT_ARCHIVE_VERSION,
    checkpoint,
    firstSeq,
    lastSeq,
    count: lastSeq - firstSeq + 1,
    prevHash: start?.hash ?? GENESIS_HASH,
    lastHash: lastChained.hash,
    lastHashVersion: lastChained.hashVersion,
    cutOff: before.toISOString(),
    archivedAt: origin.at.toISOString(),
    fileName,
  });

  const file = path.resolve(options.outDir, fileName);
  await writeArchiveFile(db, { file, manifest, start, pageSize });
  try {
    await db.transaction(async (tx) => {
      await lockChainHead(tx);
      const now = await currentStart(tx);
      if ((now?.seq ?? 0) !== (start?.seq ?? 0)) {
        throw new AppError('audit_archive_chain_broken', '归档期间另一次归档已完成，请重新运行');
      }
      await insertAuditCheckpoint(tx, {
        id: manifest.checkpoint,
        firstSeq: manifest.firstSeq,
        lastSeq: manifest.lastSeq,
        rowCount: manifest.count,
        prevHash: manifest.prevHash,
        lastHash: manifest.lastHash,
        lastHashVersion: manifest.lastHashVersion,
        cutOff: new Date(manifest.cutOff),
        archivedAt: new Date(manifest.archivedAt),
        fileName: manifest.fileName,
        signature: manifest.signature,
      });
      const deleted = await deleteArchivedAuditRows(tx, { id: manifest.checkpoint, firstSeq, lastSeq });
      if (deleted !== manifest.count) {
        throw chainBroken({
          kind: 'sequence_gap',
          seq: firstSeq,
          expectedSeq: firstSeq,
          message: `应归档 ${manifest.count} 条审计记录，库中只有 ${deleted} 条`,
        });
      }
      await recordAudit(tx, {
        ...origin,
        action: 'audit.archive',
        entityType: 'audit_log',
        entityId: String(manifest.checkpoint),
        before: null,
        after: {
          checkpoint: manifest.checkpoint,
          firstSeq,
          lastSeq,
          count: manifest.count,
          lastHash: manifest.lastHash,
          cutOff: manifest.cutOff,
          retentionDays,
          fileName,
          signature: manifest.signature,
        },
      });
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  return { file, manifest };
}

/**
 * Writes the archive file (manifest line, then the rows firstSeq…lastSeq page by page), verifying
 * the rows as they go from `start` to the manifest's head hash; to a temporary file renamed when
 * complete and synced. Refuses an existing file.
 */
async function writeArchiveFile(
  db: DbOrTx,
  options: { file: string; manifest: SignedAuditArchiveManifest; start: ChainStart | null; pageSize: number },
): Promise<void> {
  const { file, manifest, start, pageSize } = options;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.access(file).then(
      () => {
        throw new AppError('audit_archive_output', `归档文件 ${file} 已存在，不覆盖`, { field: 'out' });
      },
      () => undefined,
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('audit_archive_output', `无法写入归档目录 ${path.dirname(file)}：${(error as Error).message}`, { field: 'out' });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  const verifier = new AuditChainVerifier({ keyHex: auditKey(), start });
  async function* lines(): AsyncGenerator<string> {
    yield `${canonicalJson(manifest)}\n`;
    let afterSeq = manifest.firstSeq - 1;
    while (afterSeq < manifest.lastSeq) {
      const rows = await auditRowsInRange(db, afterSeq, manifest.lastSeq, pageSize);
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) {
        const chained = toChainedRow(row);
        const broken = verifier.push(chained);
        if (broken !== null) throw chainBroken(broken);
        chunk += `${canonicalJson(chained)}\n`;
      }
      yield chunk;
      afterSeq = Number(rows[rows.length - 1]?.seq ?? manifest.lastSeq);
    }
    const result = verifier.finish({ lastSeq: manifest.lastSeq, lastHash: manifest.lastHash });
    if (!result.ok && result.firstBreak !== null) throw chainBroken(result.firstBreak);
  }
  try {
    await pipeline(lines, createGzip(), createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
    const handle = await fs.open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('audit_archive_output', `无法写入归档文件 ${file}：${(error as Error).message}`, { field: 'out' });
  }
}

/** What checking an archive file found. */
export interface AuditArchiveVerification {
  ok: boolean;
  /** The manifest read (null when the first line is none). */
  manifest: SignedAuditArchiveManifest | null;
  /** Rows checked before the first problem (all when ok). */
  checked: number;
  /** The first problem, in Chinese (null when ok). */
  problem: string | null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A line of an archive as a chained row (null when it does not have the shape of one). */
function parseArchivedRow(value: unknown): ChainedAuditRow | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  if (
    typeof r.seq !== 'number' ||
    typeof r.occurredAt !== 'string' ||
    typeof r.action !== 'string' ||
    typeof r.entityType !== 'string' ||
    typeof r.prevHash !== 'string' ||
    typeof r.hash !== 'string' ||
    (r.result !== 'success' && r.result !== 'failure') ||
    (r.hashVersion !== 1 && r.hashVersion !== 2)
  ) {
    return null;
  }
  return {
    seq: r.seq,
    occurredAt: r.occurredAt,
    actorId: stringOrNull(r.actorId),
    action: r.action,
    entityType: r.entityType,
    entityId: stringOrNull(r.entityId),
    before: (r.before ?? null) as JsonValue,
    after: (r.after ?? null) as JsonValue,
    requestId: stringOrNull(r.requestId),
    clientAddress: stringOrNull(r.clientAddress),
    prevHash: r.prevHash,
    hash: r.hash,
    result: r.result,
    hashVersion: r.hashVersion,
  };
}

function parseManifest(value: unknown): SignedAuditArchiveManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  const numbers = ['checkpoint', 'firstSeq', 'lastSeq', 'count'].every((key) => Number.isSafeInteger(m[key]));
  const strings = ['prevHash', 'lastHash', 'cutOff', 'archivedAt', 'fileName', 'signature'].every((key) => typeof m[key] === 'string');
  if (m.format !== AUDIT_ARCHIVE_FORMAT || m.version !== AUDIT_ARCHIVE_VERSION || !numbers || !strings) return null;
  if (m.lastHashVersion !== 1 && m.lastHashVersion !== 2) return null;
  return value as SignedAuditArchiveManifest;
}

/**
 * Checks an archive file with the audit key: the manifest's signature, then the chain inside the
 * file recomputed row by row from the manifest's start hash to its head hash, and the count. Any
 * edited, removed, added or reordered line is found (the first one is reported). Reads the file
 * line by line (gzip or plain).
 */
export async function verifyAuditArchive(options: { file: string }): Promise<AuditArchiveVerification> {
  let head: Buffer;
  try {
    const handle = await fs.open(options.file, 'r');
    try {
      head = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new AppError('audit_archive_invalid', `无法读取归档文件 ${options.file}：${(error as Error).message}`, { field: 'file' });
  }
  const raw = createReadStream(options.file);
  const input: Readable = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  let manifest: SignedAuditArchiveManifest | null = null;
  let verifier: AuditChainVerifier | null = null;
  let lineNumber = 0;
  let checked = 0;
  const fail = (problem: string): AuditArchiveVerification => ({ ok: false, manifest, checked, problem });
  try {
    for await (const line of reader) {
      lineNumber += 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return fail(`第 ${lineNumber} 行不是有效的 JSON（文件被改动或损坏）`);
      }
      if (manifest === null) {
        manifest = parseManifest(value);
        if (manifest === null) return fail('第 1 行不是审计归档的清单（文件格式不对）');
        if (auditArchiveSignature(auditKey(), manifest) !== manifest.signature) {
          return fail('归档清单的签名不符（清单被改动，或审计密钥与归档时不同）');
        }
        verifier = new AuditChainVerifier({
          keyHex: auditKey(),
          start: manifest.firstSeq === 1 ? null : { seq: manifest.firstSeq - 1, hash: manifest.prevHash, hashVersion: 1 },
        });
        if (manifest.firstSeq === 1 && manifest.prevHash !== GENESIS_HASH) return fail('归档清单的起始哈希不是链首');
        continue;
      }
      const row = parseArchivedRow(value);
      if (row === null) return fail(`第 ${lineNumber} 行不是审计记录（文件被改动）`);
      const broken = verifier?.push(row) ?? null;
      if (broken !== null) return fail(`第 ${lineNumber} 行：${broken.message}`);
      checked += 1;
    }
  } catch (error) {
    return fail(`归档文件无法读完（${(error as Error).message}）`);
  } finally {
    reader.close();
    raw.destroy();
  }
  if (manifest === null || verifier === null) return fail('归档文件是空的');
  const result = verifier.finish({ lastSeq: manifest.lastSeq, lastHash: manifest.lastHash });
  if (!result.ok) return fail(result.firstBreak?.message ?? '归档中的审计链断裂');
  if (checked !== manifest.count) return fail(`归档清单记有 ${manifest.count} 条记录，文件中有 ${checked} 条`);
  return { ok: true, manifest, checked, problem: null };
}
