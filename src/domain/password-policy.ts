/**
 * Password policy: a minimum length and a minimum number of the four character classes
 * (lower-case, upper-case, digits, symbols); with the level-3 rules (issue 17 point 3) also no
 * common or leaked password and no predictable pattern (keyboard walks, years, dates, repeats,
 * common words with a few digits or symbols around them, l33t spellings), no username, no product
 * name, no word the security administrator bans. Pure: the list of common passwords is passed in;
 * returns the rules a password breaks.
 */

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes the password must use (1–4). */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

export type PasswordRule =
  | 'min_length'
  | 'char_classes'
  | 'contains_username'
  | 'max_length'
  | 'common_password'
  | 'predictable'
  | 'contains_product_name'
  | 'banned_word';

/** The level-3 rules beyond length and classes (issue 17 point 3), set by the security administrator. */
export interface PasswordRules extends PasswordPolicy {
  /** Refuse common and leaked passwords and predictable patterns */
  blockCommon: boolean;
  /** At least this many characters not explained by a word, walk, year, date or repeat */
  minUnpredictable: number;
  /** Days after which a password must be changed (0: never) */
  maxAgeDays: number;
  /** How many earlier passwords may not be used again (0: no history) */
  historyCount: number;
  /** Further words no password may contain (e.g. the organisation's abbreviations), lower-case */
  bannedWords: readonly string[];
}

export const DEFAULT_PASSWORD_RULES: Omit<PasswordRules, keyof PasswordPolicy> = {
  blockCommon: true,
  minUnpredictable: 4,
  maxAgeDays: 90,
  historyCount: 5,
  bannedWords: [],
};

/** The product's names: no password may contain them. */
export const PRODUCT_NAMES: readonly string[] = ['lianxi', '联席'];

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

export interface PasswordContext {
  username?: string;
  /** Common and leaked passwords and words (lower-case); with `blockCommon`, checked */
  commonPasswords?: ReadonlySet<string>;
}

/** The rules the password breaks (empty when it is acceptable). */
export function checkPassword(
  password: string,
  policy: PasswordPolicy & Partial<PasswordRules>,
  context: PasswordContext = {},
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
  const lower = password.toLowerCase();
  const folded = unleet(lower);
  if (policy.blockCommon !== undefined && PRODUCT_NAMES.some((name) => lower.includes(name) || folded.includes(name))) {
    violations.push({ rule: 'contains_product_name', message: '密码不能包含系统名称（lianxi、联席）' });
  }
  const banned = (policy.bannedWords ?? []).find((word) => word.length > 0 && (lower.includes(word) || folded.includes(word)));
  if (banned !== undefined) violations.push({ rule: 'banned_word', message: `密码不能包含禁用词“${banned}”` });
  if (policy.blockCommon === true && context.commonPasswords !== undefined) {
    const common = context.commonPasswords;
    if (commonForms(lower).some((form) => common.has(form))) {
      violations.push({ rule: 'common_password', message: '密码过于常见（在常用或已泄露密码表中），请换一个' });
    } else {
      const left = unpredictableCount(password, common, [context.username?.toLowerCase() ?? '', ...PRODUCT_NAMES, ...(policy.bannedWords ?? [])]);
      const needed = policy.minUnpredictable ?? DEFAULT_PASSWORD_RULES.minUnpredictable;
      if (left < needed) {
        violations.push({
          rule: 'predictable',
          message: `密码可被猜出：除常用词、键盘顺序、年份日期和重复字符外，至少还须有 ${needed} 个字符（当前 ${left} 个）`,
        });
      }
    }
  }
  return violations;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '5': 's', $: 's', '7': 't', '9': 'g', '8': 'b', '2': 'z' };

/** The letters a l33t spelling stands for (p@ssw0rd → password). */
function unleet(text: string): string {
  return [...text].map((ch) => LEET[ch] ?? ch).join('');
}

/** Without the digits and symbols around a word (Password123! → password). */
function stripAffixes(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/**
 * The forms of a lower-case password looked up in the common list: as typed, de-l33ted, without
 * the digits and symbols around it (before or after undoing l33t: M0nk3y!2024 → monkey).
 */
function commonForms(lower: string): string[] {
  const stripped = stripAffixes(lower);
  return [lower, unleet(lower), stripped, stripAffixes(unleet(lower)), unleet(stripped)];
}

/** Keyboard rows and sequences a walk follows (forwards or backwards, and the columns of 1qaz2wsx). */
const WALKS: readonly string[] = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()',
  'abcdefghijklmnopqrstuvwxyz',
];
const MIN_RUN = 4;

/**
 * How many characters of the password are not explained by a guessable part: a common word (4+
 * letters, also in l33t), a username or product name, a keyboard walk or sequence (4+), a year
 * (1900–2099), a date (yyyymmdd, yymmdd), or a character repeated 3+ times.
 */
export function unpredictableCount(password: string, common: ReadonlySet<string>, words: readonly string[]): number {
  const chars = [...password.toLowerCase()];
  const folded = chars.map((ch) => LEET[ch] ?? ch);
  const covered = new Array<boolean>(chars.length).fill(false);
  const cover = (from: number, length: number) => {
    for (let i = from; i < from + length; i += 1) covered[i] = true;
  };
  const text = chars.join('');
  const foldedText = folded.join('');
  // Words: every substring of 4+ characters found in the list (as typed or de-l33ted).
  for (let i = 0; i < chars.length; i += 1) {
    for (let j = Math.min(chars.length, i + 24); j >= i + MIN_RUN; j -= 1) {
      const piece = text.slice(i, j);
      const foldedPiece = foldedText.slice(i, j);
      if (common.has(piece) || common.has(foldedPiece)) {
        cover(i, j - i);
        break;
      }
    }
  }
  for (const word of words) {
    if (word.length < 3) continue;
    for (const haystack of [text, foldedText]) {
      for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) cover(at, [...word].length);
    }
  }
  // Walks and sequences, forwards and backwards.
  for (let i = 0; i < chars.length; i += 1) {
    let best = 0;
    for (const walk of WALKS) {
      for (const line of [walk, [...walk].reverse().join('')]) {
        let length = 0;
        const at = line.indexOf(chars[i] as string);
        while (at >= 0 && i + length < chars.length && line[at + length] === chars[i + length]) length += 1;
        if (length > best) best = length;
      }
    }
    if (best >= MIN_RUN) cover(i, best);
  }
  // Years, dates and repeats.
  for (const match of text.matchAll(/(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|(19|20)\d\d|(.)\7{2,}/gu)) {
    cover(match.index, match[0].length);
  }
  return covered.filter((c) => !c).length;
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
