/**
 * The issuers' number registers (发文登记): each issuer of a body (the body itself, its office)
 * numbers its documents per year, `前缀〔年〕N号`, with a prefix the office sets (until then a default
 * it sees: the body's name, with 办公室 for the office). Other parts print or take numbers here.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import { defaultRegisterPrefix, formatDocumentNumber } from '../../domain/outgoing-documents/document-number.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import type { IssuingName } from '../../domain/outgoing-documents/outgoing-types.ts';
import { lastRegisterNumber, listRegisterPrefixes, takeRegisterNumber, upsertRegisterPrefix } from '../../repositories/outgoing-document-repository.ts';
import { getBodyRow } from '../body-service.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';

export interface RegisterView {
  register: IssuingName;
  prefix: string;
  /** Whether the prefix is the default (the office has not set one) */
  isDefault: boolean;
  year: number;
  /** The last number taken this year (0: none yet) */
  lastNumber: number;
  /** How the next document number will read */
  nextDocNumber: string;
}

const REGISTERS: readonly IssuingName[] = ['body', 'office'];

/** The prefix of a register: the office's, else the default. */
export async function registerPrefix(db: DbOrTx, options: { bodyId: string; register: IssuingName }): Promise<{ prefix: string; isDefault: boolean }> {
  const stored = (await listRegisterPrefixes(db, options.bodyId)).find((r) => r.register === options.register);
  if (stored) return { prefix: stored.prefix, isDefault: false };
  const body = await getBodyRow(db, { bodyId: options.bodyId });
  return { prefix: defaultRegisterPrefix(body.name, options.register), isDefault: true };
}

/**
 * Takes the next 发文字号 of an issuer for a year, in the caller's transaction (concurrency-safe: the
 * counter row is taken with one atomic upsert). For F's documents and for A's annual report.
 */
export async function nextDocumentNumber(tx: DbOrTx, options: { bodyId: string; register: IssuingName; year: number }): Promise<{ serial: number; docNumber: string }> {
  const { prefix } = await registerPrefix(tx, options);
  const serial = await takeRegisterNumber(tx, options);
  return { serial, docNumber: formatDocumentNumber(prefix, options.year, serial) };
}

/** Both registers of a body for a year: prefix, last number, the next number as it will read. */
export async function listRegisters(db: DbOrTx, options: { bodyId: string; year: number }): Promise<RegisterView[]> {
  return Promise.all(
    REGISTERS.map(async (register): Promise<RegisterView> => {
      const { prefix, isDefault } = await registerPrefix(db, { bodyId: options.bodyId, register });
      const lastNumber = await lastRegisterNumber(db, { bodyId: options.bodyId, register, year: options.year });
      return { register, prefix, isDefault, year: options.year, lastNumber, nextDocNumber: formatDocumentNumber(prefix, options.year, lastNumber + 1) };
    }),
  );
}

/** The office sets an issuer's prefix (e.g. 某办); audited. */
export async function setRegisterPrefix(
  db: Database,
  options: { bodyId: string; register: IssuingName; prefix: string; origin: AuditOrigin },
): Promise<RegisterView> {
  const at = options.origin.at;
  const year = Number(shanghaiDateOf(at).slice(0, 4));
  return db.transaction(async (tx) => {
    await getBodyRow(tx, { bodyId: options.bodyId });
    const before = await registerPrefix(tx, options);
    const row = await upsertRegisterPrefix(tx, { bodyId: options.bodyId, register: options.register, prefix: options.prefix.trim(), updatedAt: at, updatedBy: options.origin.actorId });
    await recordAudit(tx, {
      ...options.origin,
      action: 'document_register.set_prefix',
      entityType: 'body',
      entityId: options.bodyId,
      before: { register: options.register, ...before },
      after: { register: row.register, prefix: row.prefix },
    });
    const view = (await listRegisters(tx, { bodyId: options.bodyId, year })).find((r) => r.register === options.register);
    if (!view) throw new Error('register vanished');
    return view;
  });
}
