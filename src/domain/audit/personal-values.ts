/**
 * Personal values in audit rows (issue 17, 个人信息保护): an audit row of a change to a personal
 * field (e-mail, phone, address) records which field changed and a masked form, never the clear
 * value. The masked form tells the reviewer that and roughly how it changed (`z***@example.cn`,
 * `138****5678`) without disclosing it.
 */

/** `zhang.san@example.cn` → `z***@example.cn`; anything without `@` is masked as text. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskText(email);
  return `${Array.from(email.slice(0, at))[0] ?? ''}***${email.slice(at)}`;
}

/** `13812345678` → `138****5678`: the first 3 and last 4 digits of a long number, fewer of a short one. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length >= 11) return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
  if (chars.length >= 5) return `${chars.slice(0, 1).join('')}****${chars.slice(-2).join('')}`;
  return '****';
}

/** Free text (a postal address): the first two characters and a mask. */
export function maskText(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= 2 ? '***' : `${chars.slice(0, 2).join('')}***`;
}

/**
 * A URL (a webhook address, which may carry a token in its path or query): scheme and host only,
 * `https://hooks.example.cn/***`; text that is no URL is masked as text.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/***`;
  } catch {
    return maskText(url);
  }
}
