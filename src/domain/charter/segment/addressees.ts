/**
 * Splits an addressee line (主送机关) into addressees. Pure.
 *
 * Items are separated by ， and ；. Within an item, 、 separates addressees only when every part
 * reads as a whole organ; an enumeration of short parts sharing one tail stays one addressee
 * (各县、自治县、区人民政府; 市直各委、办、局).
 */
export function splitAddressees(line: string): string[] {
  const items: string[] = [];
  for (const piece of splitOutsideParens(line, '，；,;')) {
    const item = piece.trim().replace(/[：:]$/u, '').trim();
    if (item === '') continue;
    const parts = splitOutsideParens(item, '、').map((p) => p.trim());
    if (parts.length > 1 && parts.every((p) => p.length >= 4)) items.push(...parts);
    else items.push(item);
  }
  return items;
}

/** Splits on any of `separators` outside parentheses (各县（市、区）人民政府 stays whole). */
function splitOutsideParens(s: string, separators: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && separators.includes(ch)) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}
