/**
 * `lianxi minutes render` against a PGlite data directory: renders issued minutes to DOCX through the
 * same service as the API; unknown minutes are refused with exit code 2 and the error code.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { systemClock } from '../../src/config/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import { meetings, minutes } from '../../src/db/schema/meetings.ts';
import { migrate } from '../../src/db/migrate.ts';
import { publishBody } from '../../src/services/charter-service.ts';
import { readDocx } from '../documents/docx-reader.ts';
import { foundingText } from '../integration/factories/bodies.ts';

let dir: string;
const output: string[] = [];
const errors: string[] = [];
const saved = { dataDir: process.env.LIANXI_DATA_DIR, databaseUrl: process.env.DATABASE_URL };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianxi-minutes-cli-'));
  process.env.LIANXI_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  if (saved.dataDir === undefined) delete process.env.LIANXI_DATA_DIR;
  else process.env.LIANXI_DATA_DIR = saved.dataDir;
  if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    errors.push(String(chunk));
    return true;
  });
});

async function run(...args: string[]): Promise<{ code: number; out: string; errors: string }> {
  output.length = 0;
  errors.length = 0;
  await buildProgram().parseAsync(['node', 'lianxi', 'minutes', 'render', ...args]);
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, out: output.join(''), errors: errors.join('') };
}

describe('lianxi minutes render', () => {
  it('writes the minutes of a body as GB/T 9704 DOCX, and refuses unknown minutes', async () => {
    const { text, name } = foundingText();
    const handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    const ids = { meeting: randomUUID(), minutes: randomUUID(), body: '' };
    try {
      await migrate(handle);
      const published = await publishBody(handle.db, { text, origin: { actorId: null, requestId: null, clientAddress: 'test', at: new Date() }, clock: systemClock });
      ids.body = published.body.id;
      const at = new Date('2024-03-05T02:00:00Z');
      await handle.db.insert(meetings).values({
        id: ids.meeting,
        bodyId: ids.body,
        kind: 'plenary',
        kindName: '全体会议',
        title: '第一次全体会议',
        startsAt: at,
        status: 'minutes_issued',
        createdAt: at,
        updatedAt: at,
      });
      await handle.db.insert(minutes).values({
        id: ids.minutes,
        meetingId: ids.meeting,
        bodyId: ids.body,
        status: 'issued',
        title: '第一次全体会议纪要',
        proceedings: '会议研究了有关事项。',
        year: 2024,
        number: 2,
        issuedOn: '2024-03-06',
        issuedAt: at,
        distribution: { memberUnits: [{ unitId: 'u1', name: '省商务厅' }], reportCopyTo: ['省政府'], copyTo: [] },
        createdAt: at,
        updatedAt: at,
      });
    } finally {
      await handle.close();
    }

    const file = join(dir, 'minutes.docx');
    const rendered = await run('--body', ids.body, '--minutes', ids.minutes, '--out', file);
    expect(rendered.code, rendered.errors).toBe(0);
    expect(rendered.out).toContain(file);
    const doc = await readDocx(readFileSync(file));
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain(`${name}纪要`);
    expect(texts).toContain('第2期');
    expect(texts).toContain('抄报：省政府。');
    expect(texts.some((p) => p.includes('2024年3月6日'))).toBe(true);

    const missing = await run('--body', ids.body, '--minutes', randomUUID(), '--out', join(dir, 'x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.errors).toContain('minutes_not_found');
  }, 180_000);
});
