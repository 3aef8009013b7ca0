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
import { randomBytes } from 'node:crypto';
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
