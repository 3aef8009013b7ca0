/**
 * The normaliser: the first step of the import pipeline. See `NormalizedText` for the conventions
 * the extractors rely on. Pure.
 */
import type { NormalizedText } from '../pipeline-types.ts';
import { fromOriginal, toOffsetMap } from './mapped-text.ts';
import { cleanCharacters } from './characters.ts';
import { toSimplified } from './traditional.ts';
import { removePinyinReadings } from './pinyin.ts';
import { dropBoilerplate } from './boilerplate.ts';
import { foldSpaces } from './spaces.ts';
import { fixPunctuation } from './punctuation.ts';
import { joinLines } from './joins.ts';
import { breakLongLines } from './long-lines.ts';

/**
 * Normalises a founding document's text: Simplified characters, no pinyin readings, no web or
 * document-site boilerplate, names' inner spaces folded, one set of punctuation, titles joined —
 * no line longer than `MAX_LINE` — keeping the original and an offset map from every kept character
 * back to it.
 */
export function normalizeText(raw: string): NormalizedText {
  let mapped = fromOriginal(raw);
  // Bounded lines from the start, so that every pass works line by line in linear time
  mapped = breakLongLines(mapped);
  mapped = cleanCharacters(mapped);
  mapped = toSimplified(mapped);
  mapped = removePinyinReadings(mapped);
  mapped = dropBoilerplate(mapped);
  mapped = foldSpaces(mapped);
  mapped = fixPunctuation(mapped);
  mapped = joinLines(mapped);
  mapped = breakLongLines(mapped);
  return { original: raw, text: mapped.text, offsetMap: toOffsetMap(mapped) };
}
