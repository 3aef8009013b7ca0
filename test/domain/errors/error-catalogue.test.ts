import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { ERROR_CATALOGUE, ERROR_CODES, fillErrorTemplate, isErrorCode } from '../../../src/errors/error-catalogue.ts';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const CATALOGUE_FILE = join(SRC, 'errors/error-catalogue.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && full !== CATALOGUE_FILE ? [full] : [];
  });
}

/** The sources of src/ without the catalogue itself. */
const sources = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), readFileSync(file, 'utf8')]));
const allSource = [...sources.values()].join('\n');

/** String literals of src/ ('…', "…" and whole `…` without substitutions). */
const literals = new Set([...allSource.matchAll(/'([a-z][a-z0-9_]*)'|"([a-z][a-z0-9_]*)"|`([a-z][a-z0-9_]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));

/** Prefixes of codes built in a template literal at an AppError site: `charter_${…}` → charter_. */
const templatePrefixes = [...allSource.matchAll(/new AppError\(\s*`([a-z][a-z0-9_]*_)\$\{/g)].map((m) => m[1] ?? '');

/** Whether a code appears in src/: as a literal, or as a template prefix plus a literal rest. */
function usedInSource(code: string): boolean {
  if (literals.has(code)) return true;
  return templatePrefixes.some((prefix) => code.startsWith(prefix) && literals.has(code.slice(prefix.length)));
}

describe('error catalogue', () => {
  it('declares at least the codes the server had when it was introduced', () => {
    expect(ERROR_CODES.length).toBeGreaterThanOrEqual(130);
  });

  it('has snake_case codes, a 4xx/5xx status and both templates for every code', () => {
    const bad = ERROR_CODES.filter((code) => {
      const entry = ERROR_CATALOGUE[code];
      return (
        !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code) ||
        !Number.isInteger(entry.status) ||
        entry.status < 400 ||
        entry.status > 599 ||
        entry.zh.trim() === '' ||
        entry.en.trim() === ''
      );
    });
    expect(bad).toEqual([]);
  });

  it('writes zh in Chinese and en without Chinese characters, with the same placeholders', () => {
    const han = /\p{Script=Han}/u;
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const bad = ERROR_CODES.filter((code) => {
      const { zh, en } = ERROR_CATALOGUE[code];
      return !han.test(zh) || han.test(en) || JSON.stringify(placeholders(zh)) !== JSON.stringify(placeholders(en));
    });
    expect(bad).toEqual([]);
  });

  it('keeps one entry per line, sorted by code (the error codemod rewrites this block)', () => {
    const text = readFileSync(CATALOGUE_FILE, 'utf8');
    const lines = [...text.matchAll(/^ {2}([a-z][a-z0-9_]*): \{ status: \d{3}, zh: '.*', en: '.*' \},$/gm)].map((m) => m[1]);
    expect(lines).toEqual(ERROR_CODES);
    expect([...ERROR_CODES].sort()).toEqual(ERROR_CODES);
  });

  it('has every code used in src/', () => {
    expect(usedInSource('no_such_code_anywhere')).toBe(false);
    expect(ERROR_CODES.filter((code) => !usedInSource(code))).toEqual([]);
  });

  it('catalogues every literal code of an AppError construction in src/', () => {
    const constructed = [...allSource.matchAll(/new AppError\(\s*'([^']+)'/g)].map((m) => m[1] ?? '');
    expect(constructed.length).toBeGreaterThan(100);
    expect([...new Set(constructed)].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('gives every literal (code, status) pair in src/ the catalogue status (gate refusals, tables)', () => {
    const pairs = [
      // refuse('presider_not_allowed', 422, …), ruleRefusal-like calls
      ...allSource.matchAll(/\(\s*'([a-z][a-z0-9_]*)',\s*([45]\d\d)\s*[,)]/g),
      // { code: 'presider_not_allowed', status: 422 }
      ...allSource.matchAll(/\bcode:\s*'([a-z][a-z0-9_]*)',\s*status:\s*([45]\d\d)\b/g),
    ].map((m) => ({ code: m[1] ?? '', status: Number(m[2]) }));
    const wrong = pairs.filter(({ code, status }) => !isErrorCode(code) || ERROR_CATALOGUE[code].status !== status);
    expect(wrong).toEqual([]);
  });

  it('finds no AppError built the old way with a status argument', () => {
    const old = [...sources].filter(([, text]) => /new AppError\(\s*[^,()]+,\s*\d{3}\s*,/.test(text)).map(([file]) => file);
    expect(old).toEqual([]);
  });
});

describe('AppError', () => {
  it('takes the status from the catalogue and keeps the specific message', () => {
    const error = new AppError('body_not_found', '找不到编号为 x 的机构', { field: 'bodyId' });
    expect(error.status).toBe(404);
    expect(error.toBody()).toEqual({ code: 'body_not_found', status: 404, message: '找不到编号为 x 的机构', field: 'bodyId' });
  });

  it('defaults the message to the Chinese template', () => {
    expect(new AppError('forbidden').message).toBe(ERROR_CATALOGUE.forbidden.zh);
  });

  it('refuses an uncatalogued code: a type error, and at run time (a cast) a TypeError', () => {
    // @ts-expect-error — not a catalogued code
    expect(() => new AppError('no_such_code_anywhere', '说明')).toThrow(/not in the error catalogue/);
  });

  it('parses a body back as received, catalogued or not', () => {
    const body = { code: 'something_newer', status: 418, message: '说明', details: { a: 1 } };
    const error = AppError.fromBody(body);
    expect(error).toBeInstanceOf(AppError);
    expect(error.toBody()).toEqual(body);
    expect(error.message).toBe('说明');
  });

  it('fills {name} placeholders from values and drops absent ones', () => {
    expect(fillErrorTemplate('字段 {field} 有误{x}', { field: 'body.name' })).toBe('字段 body.name 有误');
  });
});
