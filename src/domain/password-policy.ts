/**
 * Password policy: a minimum length and a minimum number of the four character classes
 * (lower-case, upper-case, digits, symbols). Pure: returns the rules a password breaks.
 */

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes the password must use (1–4). */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

export type PasswordRule = 'min_length' | 'char_classes' | 'contains_username' | 'max_length';

export interface PasswordViolation {
  rule: PasswordRule;
  /** Chinese message naming the rule. */
  message: string;
}

/** Longest password accepted (argon2 handles more, but nobody types this much). */
export const PASSWORD_MAX_LENGTH = 256;

export type CharClass = 'lower' | 'upper' | 'digit' | 'symbol';

export function characterClasses(password: string): Set<CharClass> {
  const classes = new Set<CharClass>();
  for (const ch of password) {
    if (/[a-z]/.test(ch)) classes.add('lower');
    else if (/[A-Z]/.test(ch)) classes.add('upper');
    else if (/[0-9]/.test(ch)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes;
}

/** The rules the password breaks (empty when it is acceptable). */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string } = {},
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < policy.minLength) {
    violations.push({ rule: 'min_length', message: `密码长度至少 ${policy.minLength} 位（当前 ${length} 位）` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: 'max_length', message: `密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位` });
  }
  const used = characterClasses(password).size;
  if (used < policy.minClasses) {
    violations.push({
      rule: 'char_classes',
      message: `密码须包含小写字母、大写字母、数字、符号四类中的至少 ${policy.minClasses} 类（当前 ${used} 类）`,
    });
  }
  const username = context.username?.toLowerCase();
  if (username !== undefined && username.length >= 3 && password.toLowerCase().includes(username)) {
    violations.push({ rule: 'contains_username', message: '密码不能包含用户名' });
  }
  return violations;
}

/**
 * A random password satisfying any policy up to 4 classes and `length` characters.
 * `randomInt(n)` returns a uniform integer in [0, n) from a cryptographic source.
 */
export function generatePassword(randomInt: (n: number) => number, length = 16): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%^&*-_=+?'];
  const all = sets.join('');
  const chars = sets.map((set) => set[randomInt(set.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
