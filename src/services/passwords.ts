/** Password hashing (argon2id), one-time passwords, and the checks of a new password. */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.ts';
import { checkPassword, generatePassword } from '../domain/password-policy.ts';
import type { PasswordPolicy, PasswordRules } from '../domain/password-policy.ts';

/** Hashes with argon2id (the library's default algorithm; asserted by the auth tests). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of one verification when the account does not exist (no username probing by timing). */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(generateOneTimePassword());
  await verifyPassword(await dummyHash, password);
}

/** A random one-time password (16 characters, all four classes) from a cryptographic source. */
export function generateOneTimePassword(): string {
  return generatePassword((n) => randomInt(n), 16);
}

let commonPasswords: ReadonlySet<string> | undefined;
/**
 * The common and leaked passwords the policy refuses, lower-case, built once per process (about
 * 49,000 entries, some 60 ms): the maintained list of `@zxcvbn-ts/language-common` plus the local
 * additions of src/services/security-data/common-passwords.txt (Chinese pinyin passwords, office
 * words, and whatever a deployment appends). Server-side only: the web app never imports it.
 */
export function commonPasswordList(): ReadonlySet<string> {
  if (commonPasswords !== undefined) return commonPasswords;
  const list = new Set<string>();
  for (const entry of dictionary['passwords-common']) list.add(entry.toLowerCase());
  for (const line of readFileSync(new URL('./security-data/common-passwords.txt', import.meta.url), 'utf8').split('\n')) {
    const entry = line.trim().toLowerCase();
    if (entry !== '' && !entry.startsWith('#')) list.add(entry);
  }
  commonPasswords = list;
  return list;
}

/** Throws AppError 400 `password_policy` naming every broken rule. */
export function assertPasswordAcceptable(
  password: string,
  policy: PasswordPolicy & Partial<PasswordRules>,
  options: { username?: string; field: string },
): void {
  const violations = checkPassword(password, policy, {
    ...(options.username === undefined ? {} : { username: options.username }),
    commonPasswords: commonPasswordList(),
  });
  if (violations.length > 0) {
    throw new AppError('password_policy', `密码不符合要求：${violations.map((v) => v.message).join('；')}`, {
      field: options.field,
      details: { violations: violations.map((v) => ({ rule: v.rule, message: v.message })) },
    });
  }
}

/**
 * Throws AppError 400 `password_reused` when the password is the current one or one of the last
 * `historyCount` (argon2id hashes, compared one by one).
 */
export async function assertPasswordNotReused(password: string, hashes: readonly string[], field: string): Promise<void> {
  for (const previous of hashes) {
    if (await verifyPassword(previous, password)) {
      throw new AppError('password_reused', `新密码不能与最近使用过的 ${hashes.length} 个密码相同`, { field, details: { historyCount: hashes.length } });
    }
  }
}
