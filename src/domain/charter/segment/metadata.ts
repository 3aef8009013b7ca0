/**
 * Facts of a metadata block kept by the normaliser: `【制定机关】某市人民政府` lines and
 * `来源：某局\t发布时间：2020-03-02 10:14` lines. Pure.
 */
import type { Located } from '../pipeline-types.ts';
import type { Line } from './line-kinds.ts';

/** Label → value (first occurrence wins), each with the span of its value. */
export function parseMetadata(lines: Line[]): Record<string, Located<string>> {
  const out: Record<string, Located<string>> = {};
  for (const line of lines) {
    if (line.kind !== 'metadata') continue;
    const bracket = /^(\s*)【([^】]{1,8})】(.*)$/u.exec(line.text);
    if (bracket) {
      const label = bracket[2] ?? '';
      const value = (bracket[3] ?? '').trim();
      const start = line.start + (bracket[1] ?? '').length + label.length + 2 + ((bracket[3] ?? '').length - (bracket[3] ?? '').trimStart().length);
      if (value !== '' && !(label in out)) out[label] = { value, source: { start, end: start + value.length } };
      continue;
    }
    let offset = 0;
    for (const field of line.text.split('\t')) {
      const m = /^(\s*(?:[-–—•·*]\s*)?)([^：]{1,8})：(\s*)(.*?)\s*$/u.exec(field);
      if (m) {
        const label = m[2] ?? '';
        const value = m[4] ?? '';
        const start = line.start + offset + (m[1] ?? '').length + label.length + 1 + (m[3] ?? '').length;
        if (value !== '' && !(label in out)) out[label] = { value, source: { start, end: start + value.length } };
      }
      offset += field.length + 1;
    }
  }
  return out;
}
