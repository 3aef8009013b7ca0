/**
 * Character classes of Chinese text. Pure.
 */

/** Whether the character is a CJK ideograph (basic block, extension A, compatibility ideographs, 〇). */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xd840 && c <= 0xd87e) // high surrogate of extension B…F ideographs
  );
}

/** Spaces that may appear inside a line: ASCII space, tab, ideographic space, no-break space. */
export function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/** Full-width and CJK punctuation that ends or splits a clause. */
export const CJK_PUNCTUATION = '，。、；：？！（）《》〈〉“”‘’「」『』【】〔〕…—·';

/** Whether the character is CJK punctuation or its ASCII counterpart. */
export function isPunctuation(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return CJK_PUNCTUATION.includes(ch) || ',.;:?!()[]"\'<>'.includes(ch);
}

/** Sentence-final punctuation. */
export const SENTENCE_END = '。！？；';

/** Whether a character is an ASCII letter or digit. */
export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/** Whether a character is an ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
