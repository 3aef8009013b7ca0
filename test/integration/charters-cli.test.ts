import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCharterFiles } from '../../src/cli/commands/charter-publish.ts';
import type { PublishOutcome } from '../../src/cli/commands/charter-publish.ts';
import { foundingText } from './factories/bodies.ts';

const SEED = path.resolve(import.meta.dirname, '../fixtures/seeds/002_75169a35c44afff6.txt');

/** `lianxi charter import FILE --publish` against a PGlite data directory of its own. */
describe('charter import --publish', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianxi-cli-publish-'));
  const saved = { data: process.env.LIANXI_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(() => {
    process.env.LIANXI_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    if (saved.data === undefined) delete process.env.LIANXI_DATA_DIR;
    else process.env.LIANXI_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(files: string[]): Promise<{ code: number; outcomes: PublishOutcome[] }> {
    let out = '';
    const code = await publishCharterFiles(files, { json: true }, (s) => {
      out += s;
    });
    return { code, outcomes: JSON.parse(out) as PublishOutcome[] };
  }

  it('publishes through the same service, and a second run publishes nothing', async () => {
    const synthetic = path.join(dir, 'synthetic.txt');
    const { text, name } = foundingText();
    writeFileSync(synthetic, text);

    const first = await run([SEED, synthetic]);
    expect(first.code).toBe(0);
    expect(first.outcomes.map((o) => [o.outcome, o.name, o.version])).toEqual([
      ['published', '国务院推进贸易高质量发展部际联席会议', 1],
      ['published', name, 1],
    ]);

    const second = await run([SEED, synthetic]);
    expect(second.code).toBe(0);
    expect(second.outcomes.map((o) => [o.outcome, o.bodyId])).toEqual(first.outcomes.map((o) => ['already_published', o.bodyId]));

    const missing = await run([path.join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.outcomes[0]).toMatchObject({ outcome: 'failed', error: { code: 'not_text' } });
  });
});
