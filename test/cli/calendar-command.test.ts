/**
 * `lianxi calendar …` against a PGlite data directory: answers from the shipped data while no
 * database exists, `load-notice FILE` previews only, `--apply` stores the notice (audited), and the
 * other commands then use it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/client.ts';

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
国务院办公厅`;

let dir: string;
let out: string[];
let errors: string[];
const saved = { dataDir: process.env.LIANXI_DATA_DIR, databaseUrl: process.env.DATABASE_URL };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianxi-calendar-cli-'));
  writeFileSync(join(dir, 'notice-2027.txt'), NOTICE_2027);
  process.env.LIANXI_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  if (saved.dataDir === undefined) delete process.env.LIANXI_DATA_DIR;
  else process.env.LIANXI_DATA_DIR = saved.dataDir;
  if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl;
  vi.restoreAllMocks();
});
beforeEach(() => {
  out = [];
  errors = [];
  process.exitCode = undefined;
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    errors.push(String(chunk));
    return true;
  });
});

async function run(...args: string[]): Promise<{ code: number; out: string; errors: string }> {
  out.length = 0;
  errors.length = 0;
  await buildProgram().parseAsync(['node', 'lianxi', 'calendar', ...args]);
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, out: out.join('\n'), errors: errors.join('\n') };
}

describe('calendar CLI with a database', () => {
  it('answers from the shipped data while no database exists', async () => {
    const result = await run('add-working-days', '2026-12-25', '7', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ result: '2027-01-06', provisional: true, dataSource: 'shipped' });
    const guilin = await run('add-working-days', '2026-04-16', '7', '--region', '450300', '--json');
    expect(JSON.parse(guilin.out)).toMatchObject({ result: '2026-04-28', provisional: true, region: '450300' });
    const byName = await run('show', '2026', '--region', '桂林');
    expect(byName.code).toBe(0);
    expect(byName.out).toContain('2026-04-20（周一） 地方放假 壮族三月三（暂定）');
    const bad = await run('working-days-between', '2026-01-01', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.errors).toContain('2026-02-30');
  });

  it('previews a notice without storing it, applies it with --apply, and then counts with it', async () => {
    const file = join(dir, 'notice-2027.txt');
    const preview = await run('load-notice', file);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('2027-01-01（周五）');
    expect(preview.out).toContain('尚未载入');

    const applied = await run('load-notice', file, '--apply', '--json');
    expect(applied.code, applied.errors).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ changed: true, notice: { scope: 'national', year: 2027 } });

    const again = await run('load-notice', file, '--apply');
    expect(again.out).toContain('未改变');

    const counted = await run('add-working-days', '2026-12-25', '7', '--json');
    expect(JSON.parse(counted.out)).toMatchObject({ result: '2027-01-06', provisional: false, dataSource: 'database' });
    const offline = await run('add-working-days', '2026-12-25', '7', '--json', '--offline');
    expect(JSON.parse(offline.out)).toMatchObject({ result: '2027-01-06', provisional: true, dataSource: 'shipped' });
    const between = await run('working-days-between', '2026-12-25', '2027-01-06', '--json');
    expect(JSON.parse(between.out)).toMatchObject({ workingDays: 7, provisional: false });
    const show = await run('show', '2027', '--json');
    expect(JSON.parse(show.out)).toMatchObject({ covered: true, dataSource: 'database', notice: { title: '国务院办公厅关于2027年部分节假日安排的通知' } });

    const handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    try {
      const rows = await handle.rawTransaction((sql) =>
        sql.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'calendar.notice_apply'`),
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it('refuses an unreadable notice with --apply (exit 2, naming the text)', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '没有年份的文字');
    const result = await run('load-notice', bad, '--apply');
    expect(result.code).toBe(2);
    expect(result.errors).toContain('notice_unreadable');
    expect(result.errors).toContain('text');
  }, 60_000);
});
