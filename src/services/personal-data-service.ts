/**
 * Encryption at rest of personal fields and attachment contents (issue 17 point 8): sealing rows written before encryption
 * (`lianxi data encrypt`) and key rotation (`lianxi data rotate-key --from-key <old key>`). Everyday
 * reads and writes are sealed and opened by the repositories (src/db/field-encryption.ts),
 * so services and routes see plain values.
 */
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { addReadableDataKey, currentDataKeyId, openField, sealField, sealedKeyId } from '../db/field-encryption.ts';
import { listStoredAttachments, listStoredPersonalFields, resealAttachment, writeStoredPersonalField } from '../repositories/personal-data-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export interface ReencryptionResult {
  /** The id of the key every personal field is now sealed with. */
  keyId: string;
  /** Personal fields stored. */
  fields: number;
  /** Fields stored plain before and sealed now. */
  sealedFromPlain: number;
  /** Fields sealed under another key before and re-sealed now. */
  rotated: number;
  /** Attachment contents stored (meeting materials, progress, report and incoming-document attachments). */
  attachments: number;
  /** Attachments stored plain before and sealed now. */
  attachmentsSealedFromPlain: number;
  /** Attachments sealed under another key before and re-sealed now. */
  attachmentsRotated: number;
}

/**
 * Seals every personal field and attachment content under the current data key (LIANXI_DATA_KEY):
 * plain ones, and ones sealed under an older key given in `fromKeys` (32 hex digits each). One under a key that is
 * neither current nor given is refused (`data_key_unknown`) and nothing is written. One transaction,
 * audited as `personal_data.reencrypt` (counts and key ids only, never the values).
 */
export async function reencryptPersonalData(
  db: Database,
  options: { fromKeys?: readonly string[]; origin: AuditOrigin },
): Promise<ReencryptionResult> {
  const fromKeyIds: string[] = [];
  for (const key of options.fromKeys ?? []) {
    if (!/^[0-9a-fA-F]{32}$/.test(key)) throw new AppError('invalid_data_key', '原密钥必须是 32 位十六进制数（SM4）', { field: 'fromKey' });
    fromKeyIds.push(addReadableDataKey(key));
  }
  const keyId = currentDataKeyId();
  return db.transaction(async (tx) => {
    const fields = await listStoredPersonalFields(tx);
    let sealedFromPlain = 0;
    let rotated = 0;
    for (const field of fields) {
      const id = sealedKeyId(field.stored);
      if (id === keyId) continue;
      if (id !== null && !fromKeyIds.includes(id)) {
        throw new AppError('data_key_unknown', `个人数据（${field.table}.${field.column}）由未知的密钥 ${id} 加密：请用 --from-key 给出原密钥`, {
          details: { keyId: id },
        });
      }
      await writeStoredPersonalField(tx, field, sealField(openField(field.stored)));
      if (id === null) sealedFromPlain += 1;
      else rotated += 1;
    }
    const attachments = await listStoredAttachments(tx);
    let attachmentsSealedFromPlain = 0;
    let attachmentsRotated = 0;
    for (const attachment of attachments) {
      if (attachment.keyId === keyId) continue;
      if (attachment.keyId !== null && !fromKeyIds.includes(attachment.keyId)) {
        throw new AppError('data_key_unknown', `附件（${attachment.table}）由未知的密钥 ${attachment.keyId} 加密：请用 --from-key 给出原密钥`, {
          details: { keyId: attachment.keyId },
        });
      }
      await resealAttachment(tx, attachment);
      if (attachment.keyId === null) attachmentsSealedFromPlain += 1;
      else attachmentsRotated += 1;
    }
    const counts = { attachments: attachments.length, attachmentsSealedFromPlain, attachmentsRotated };
    await recordAudit(tx, {
      ...options.origin,
      action: 'personal_data.reencrypt',
      entityType: 'system',
      entityId: 'personal-data',
      before: { keyIds: fromKeyIds },
      after: { keyId, fields: fields.length, sealedFromPlain, rotated, ...counts },
    });
    return { keyId, fields: fields.length, sealedFromPlain, rotated, ...counts };
  });
}
