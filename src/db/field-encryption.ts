/**
 * SM4 encryption at rest of personal fields (issue 17 point 8: GB/T 39786 level 3).
 *
 * A stored value is `sm4f1:<key id>:<iv hex><cipher hex>` (SM4-CBC, a random IV per value); the key
 * id (first 8 hex digits of the key's SM3 hash) names the key so that keys can rotate: a value is
 * read with the key it was written with, and `lianxi data rotate-key --from-key …` re-encrypts every
 * value under the current key. Repositories seal values on write and open them on read, so services
 * and routes see plain values. A value without the prefix (a row written before encryption, until
 * `lianxi data encrypt` ran) is read as it is.
 *
 * The process holds a keyring: the current key (set at start from LIANXI_DATA_KEY or derived from the
 * audit key, see src/services/audit-key.ts) and keys it had before or was given to read old values.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';

const PREFIX = 'sm4f1:';
const KEY_PATTERN = /^[0-9a-f]{32}$/;

const keyring = new Map<string, string>();
let currentKeyId: string | null = null;

/** The key id of an SM4 key (hex): the first 8 hex digits of its SM3 hash. */
export function dataKeyId(keyHex: string): string {
  return smCrypto.sm3(`lianxi-data-key\n${keyHex.toLowerCase()}`).slice(0, 8);
}

function checkedKey(keyHex: string): string {
  const key = keyHex.toLowerCase();
  if (!KEY_PATTERN.test(key)) throw new Error('data key must be 32 hex digits (SM4, 128 bits)');
  return key;
}

/** Makes `keyHex` the key new values are sealed with (keys set before stay readable). */
export function useDataKey(keyHex: string): string {
  const key = checkedKey(keyHex);
  const id = dataKeyId(key);
  keyring.set(id, key);
  currentKeyId = id;
  return id;
}

/** Adds a key that old values may be sealed with (e.g. the key being rotated away from). */
export function addReadableDataKey(keyHex: string): string {
  const key = checkedKey(keyHex);
  const id = dataKeyId(key);
  keyring.set(id, key);
  return id;
}

function currentKey(): { id: string; key: string } {
  if (currentKeyId === null) {
    // Only repositories tested without an app (NODE_ENV=test) get a key of this process alone.
    if (process.env.NODE_ENV !== 'test') throw new Error('data key not configured: call configureAuditTrail(config) at start');
    useDataKey(randomBytes(16).toString('hex'));
  }
  const id = currentKeyId as string;
  return { id, key: keyring.get(id) as string };
}

/** The id of the key new values are sealed with. */
export function currentDataKeyId(): string {
  return currentKey().id;
}

/** Encrypts a personal field for storage. */
export function sealField(plain: string): string {
  const { id, key } = currentKey();
  const iv = randomBytes(16).toString('hex');
  return `${PREFIX}${id}:${iv}${smCrypto.sm4.encrypt(plain, key, { mode: 'cbc', iv })}`;
}

/** Whether a stored value is sealed, and with which key id (null: stored plain). */
export function sealedKeyId(stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return null;
  return stored.slice(PREFIX.length, PREFIX.length + 8);
}

/** Decrypts a stored personal field (a plain legacy value is returned as it is). */
export function openField(stored: string): string {
  const id = sealedKeyId(stored);
  if (id === null) return stored;
  const key = keyring.get(id);
  if (key === undefined) {
    throw new Error(`personal data sealed with unknown key ${id}: rotate with lianxi data rotate-key --from-key <old key>`);
  }
  const body = stored.slice(PREFIX.length + 9);
  const plain = smCrypto.sm4.decrypt(body.slice(32), key, { mode: 'cbc', iv: body.slice(0, 32) });
  if (plain === '' && body.length > 32) throw new Error(`personal data under key ${id} does not decrypt`);
  return plain;
}

/** Header of sealed binary contents (attachments): magic, then the 8 hex digits of the key id. */
const BYTES_MAGIC = Buffer.from('LXSM4F1:', 'ascii');
const BYTES_HEADER_LENGTH = BYTES_MAGIC.length + 8 + 16;

/**
 * Encrypts binary content (an attachment) for storage: `LXSM4F1:<key id><iv 16 bytes><SM4-CBC cipher>`.
 * Used by the `bytea` columns of the schema, so every repository read and write of attachment
 * contents is sealed and opened without the services knowing.
 */
export function sealBytes(plain: Buffer | Uint8Array): Buffer {
  const { id, key } = currentKey();
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', Buffer.from(key, 'hex'), iv);
  return Buffer.concat([BYTES_MAGIC, Buffer.from(id, 'ascii'), iv, cipher.update(plain), cipher.final()]);
}

/** The key id of sealed binary content (or of its first 16 bytes), or null when it is stored plain. */
export function sealedBytesKeyId(stored: Buffer | Uint8Array): string | null {
  const buffer = Buffer.isBuffer(stored) ? stored : Buffer.from(stored);
  if (buffer.length < BYTES_MAGIC.length + 8 || !buffer.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) return null;
  return buffer.subarray(BYTES_MAGIC.length, BYTES_MAGIC.length + 8).toString('ascii');
}

/** Decrypts stored binary content (content stored plain before encryption is returned as it is). */
export function openBytes(stored: Buffer | Uint8Array): Buffer {
  const buffer = Buffer.isBuffer(stored) ? stored : Buffer.from(stored);
  const id = sealedBytesKeyId(buffer);
  if (id === null) return buffer;
  const key = keyring.get(id);
  if (key === undefined) {
    throw new Error(`attachment sealed with unknown key ${id}: rotate with lianxi data rotate-key --from-key <old key>`);
  }
  const iv = buffer.subarray(BYTES_MAGIC.length + 8, BYTES_HEADER_LENGTH);
  const decipher = createDecipheriv('sm4-cbc', Buffer.from(key, 'hex'), iv);
  return Buffer.concat([decipher.update(buffer.subarray(BYTES_HEADER_LENGTH)), decipher.final()]);
}
