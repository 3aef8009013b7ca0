import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCharterImport } from '../../src/cli/commands/charter-command.ts';
import { decodeText } from '../../src/cli/commands/decode-text.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/seeds');
const seed000 = join(SEEDS, '000_8eacc7e0459cf840.txt');
const seed004 = join(SEEDS, '004_7c26e458723a5443.txt');

let dir: string;
let errors: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianxi-charter-'));
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function run(files: string[], json: boolean): { code: number; out: string } {
  let out = '';
  const code = runCharterImport(files, { json }, (s) => {
    out += s;
  });
  return { code, out };
}

describe('decodeText', () => {
  it('decodes UTF-8 and strips its BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('联席会议')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '联席会议' });
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x54, 0x80, 0x2d, 0x5e]); // 联席
    expect(decodeText(le)).toEqual({ ok: true, text: '联席' });
    const be = new Uint8Array([0xfe, 0xff, 0x80, 0x54, 0x5e, 0x2d]);
    expect(decodeText(be)).toEqual({ ok: true, text: '联席' });
  });

  it('rejects invalid UTF-8 and NUL bytes', () => {
    expect(decodeText(new Uint8Array([0xc3, 0x28, 0x41]))).toMatchObject({ ok: false, error: { code: 'not_text' } });
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, error: { code: 'not_text' } });
  });
});

describe('charter import', () => {
  it('prints one JSON charter for one file, exit 0', () => {
    const { code, out } = run([seed000], true);
    expect(code).toBe(0);
    const charter = JSON.parse(out) as { schemaVersion: number; body: { name: string }; normalizedText: string };
    expect(charter.schemaVersion).toBe(1);
    expect(charter.body.name).toBe('广东省服务贸易发展部门间联席会议');
    expect(errors).toEqual([]);
  });

  it('prints an array for several files', () => {
    const { code, out } = run([seed000, seed004], true);
    expect(code).toBe(0);
    const list = JSON.parse(out) as Array<{ body: { kind: string } }>;
    expect(list.map((c) => c.body.kind)).toEqual(['joint_meeting', 'coordination_group']);
  });

  it('prints a Chinese summary without --json', () => {
    const { code, out } = run([seed004], false);
    expect(code).toBe(0);
    expect(out).toContain('机构：启东市政府推进政府职能转变和“放管服”改革协调小组（协调小组）');
    expect(out).toContain('层级 / 地区：县级 · 启东市（320681）');
    expect(out).toContain('文号：无');
    expect(out).toContain('no_doc_number');
  });

  it('exits 2 with a one-line reason for a binary file', () => {
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff]));
    const { code, out } = run([bin], true);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('not_text');
    expect(errors[0]).not.toContain('\n');
  });

  it('exits 2 for a missing file and an empty file, and lists both in the array', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { code, out } = run([join(dir, 'missing.txt'), empty, seed000], true);
    expect(code).toBe(2);
    const list = JSON.parse(out) as Array<{ error?: { code: string }; body?: unknown }>;
    expect(list[0]?.error?.code).toBe('not_text');
    expect(list[1]?.error?.code).toBe('empty_input');
    expect(list[2]?.body).toBeDefined();
    expect(errors).toHaveLength(2);
  });

  it('runs through the lianxi binary', () => {
    const bin = join(import.meta.dirname, '../../bin/lianxi.mjs');
    const ok = spawnSync(process.execPath, [bin, 'charter', 'import', seed000, '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).foundingDocument.docNumber).toBe('粤办函〔2021〕20号');
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x41, 0x00]));
    const fail = spawnSync(process.execPath, [bin, 'charter', 'import', bad], { encoding: 'utf8' });
    expect(fail.status).toBe(2);
    expect(fail.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('charter import: change notices', () => {
  const NOTICES = join(import.meta.dirname, '../fixtures/change-notices');

  it('says "documentKind": founding for a founding document, the charter after it', () => {
    const { code, out } = run([seed000], true);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { documentKind: string; body: { name: string } };
    expect(Object.keys(json)[0]).toBe('documentKind');
    expect(json.documentKind).toBe('founding');
    expect(json.body.name).toBe('广东省服务贸易发展部门间联席会议');
  });

  it('gives an adjustment notice its targets and delta', () => {
    const { code, out } = run([join(NOTICES, 'adjustment-002.txt')], true);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      documentKind: string;
      changeNotice: { targets: { name: string; action: string; delta: { roles: { person: string }[]; unitsAdded: { name: string }[]; unitsRenamed: { from: string; to: string }[] } }[] };
    };
    expect(json.documentKind).toBe('adjustment');
    expect(json.changeNotice.targets).toHaveLength(1);
    const [target] = json.changeNotice.targets;
    expect(target).toMatchObject({ name: '国务院推进贸易高质量发展部际联席会议', action: 'adjust' });
    expect(target?.delta.roles.map((r) => r.person)).toEqual(['何某某']);
    expect(target?.delta.unitsAdded.map((u) => u.name)).toEqual(['国家数据局']);
    expect(target?.delta.unitsRenamed).toMatchObject([{ from: '银保监会', to: '金融监管总局' }]);
  });

  it('gives an abolition notice every body it abolishes with the effective date, and a readable summary', () => {
    const file = join(NOTICES, 'abolition-001.txt');
    const json = JSON.parse(run([file], true).out) as { documentKind: string; changeNotice: { targets: { action: string; delta: { abolished: { effectiveDate: string } } }[] } };
    expect(json.documentKind).toBe('abolition');
    expect(json.changeNotice.targets.map((t) => [t.action, t.delta.abolished.effectiveDate])).toEqual([
      ['abolish', '2025-03-20'],
      ['abolish', '2025-03-20'],
    ]);
    const text = run([file], false).out;
    expect(text).toContain('文件类型：撤销通知');
    expect(text).toContain('撤销：广东省支持广州市服务业扩大开放综合试点工作专班');
  });
});
