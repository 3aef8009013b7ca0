/**
 * Generic check of every `source` span the importer emits, whoever's extractor produced it: each
 * span lies within `normalizedText`, and an item that carries a name, text or person contains it in
 * its span (allowing a carried-over prefix: 省教育厅 from the span 教育厅, 某市政府… from 市政府…).
 */
import { describe, expect, it } from 'vitest';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { toOriginalSpan } from '../../../src/domain/charter/normalize/offset-map.ts';
import { seeds, unseenTexts } from './seed-files.ts';

interface Span {
  start: number;
  end: number;
}

function isSpan(v: unknown): v is Span {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Span).start === 'number' &&
    typeof (v as Span).end === 'number' &&
    Object.keys(v).length === 2
  );
}

interface Visit {
  path: string;
  span: Span;
  owner: Record<string, unknown> | null;
}

/** Every span in the object, with the object whose `source` it is (if any). */
function spans(value: unknown, path = '$', out: Visit[] = []): Visit[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => spans(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    if (isSpan(value)) {
      out.push({ path, span: value, owner: null });
      return out;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === 'offsetMap' || k === 'normalizedText') continue;
      if (k === 'source' && isSpan(v)) out.push({ path: `${path}.source`, span: v, owner: value as Record<string, unknown> });
      else spans(v, `${path}.${k}`, out);
    }
  }
  return out;
}

const bare = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

/** Whether the span's text holds the value, allowing a carried-over prefix of up to four CJK characters. */
function holds(spanText: string, value: string): boolean {
  const t = bare(spanText);
  const v = bare(value);
  if (t.includes(v)) return true;
  for (let k = 1; k <= 4 && k < v.length - 1; k++) {
    if (/^[\u4e00-\u9fff]+$/u.test(v.slice(0, k)) && t.includes(v.slice(k))) return true;
  }
  return false;
}

const inputs: Record<string, string> = { ...seeds, ...unseenTexts() };

describe.each(Object.keys(inputs))('source spans of %s', (name) => {
  const result = importCharter(inputs[name] as string);
  if (!result.ok) throw new Error(result.error.message);
  const charter = result.charter;
  const text = charter.normalizedText;
  const visits = spans(charter);

  it('has spans at all', () => {
    expect(visits.length).toBeGreaterThan(3);
  });

  it('every span lies within normalizedText', () => {
    const bad = visits.filter((v) => !(v.span.start >= 0 && v.span.start <= v.span.end && v.span.end <= text.length));
    expect(bad.map((v) => `${v.path} ${JSON.stringify(v.span)}`)).toEqual([]);
  });

  it('every named item contains its name, text or person in its span', () => {
    const bad: string[] = [];
    for (const v of visits) {
      if (!v.owner) continue;
      const spanText = text.slice(v.span.start, v.span.end);
      for (const field of ['name', 'text', 'person'] as const) {
        const value = v.owner[field];
        if (typeof value !== 'string' || value === '') continue;
        if (!holds(spanText, value)) bad.push(`${v.path}.${field}=${value} ⟂ ${spanText.slice(0, 60)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every span maps back into the original text', () => {
    for (const v of visits) {
      const o = toOriginalSpan(charter.offsetMap, v.span);
      expect(o.start).toBeGreaterThanOrEqual(0);
      expect(o.end).toBeLessThanOrEqual((inputs[name] as string).length);
      expect(o.start).toBeLessThanOrEqual(o.end);
    }
  });
});
