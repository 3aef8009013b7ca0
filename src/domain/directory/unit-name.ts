/**
 * Normalisation of member-unit names for the shared unit directory.
 *
 * Two spellings of one unit (`省某某厅`, `省 某某厅`, `省某某厅等`, full-width letters or
 * parentheses) fold to one key, so that a unit named in two bodies is one directory entry.
 * Pure: no I/O.
 */

/** Whitespace of every width, including the ideographic space U+3000. */
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/gu;

/** Punctuation that may trail or lead a name cut out of a list (、，。；： and quotes). */
const EDGE_PUNCTUATION = /^[、,，。．.;；:：“”"'‘’]+|[、,，。．.;；:：“”"'‘’]+$/gu;

/**
 * The directory key of a unit name: NFKC (full-width letters, digits and brackets to their
 * ordinary forms), no whitespace, no list punctuation at the ends, no trailing 等 (`…等为成员单位`).
 * Returns '' for a name that holds nothing.
 */
export function unitNameKey(name: string): string {
  let key = name.normalize('NFKC').replace(WHITESPACE, '').replace(EDGE_PUNCTUATION, '');
  // 等 / 等单位 closes an enumeration; it is never part of the last unit's name.
  for (const tail of ['等单位', '等部门', '等']) {
    if (key.endsWith(tail) && key.length > tail.length) {
      key = key.slice(0, key.length - tail.length);
      break;
    }
  }
  return key.replace(EDGE_PUNCTUATION, '');
}

/** A unit name for display: whitespace folded, trailing 等 removed, original characters kept. */
export function displayUnitName(name: string): string {
  let shown = name.replace(WHITESPACE, '').replace(EDGE_PUNCTUATION, '');
  for (const tail of ['等单位', '等部门', '等']) {
    if (shown.endsWith(tail) && shown.length > tail.length) {
      shown = shown.slice(0, shown.length - tail.length);
      break;
    }
  }
  return shown;
}

/** The key of a person's name: NFKC, no whitespace (a two-character name padded with an ideographic space U+3000 keys as the two characters). */
export function personNameKey(name: string): string {
  return name.normalize('NFKC').replace(WHITESPACE, '');
}
