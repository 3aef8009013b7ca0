/**
 * `npm run bench`: median time to import each seed document (after warm-up), and the normaliser's
 * share of it, printed as a table. Target: a 13 KB document well under 10 ms. Then one line: how long
 * /api/health takes while four heavy previews run (target: within 100 ms).
 *
 *   npm run bench [-- --runs 200]
 *
 * Then (issue 16) the HTTP table of the busy reads against bare routes (bench/http-reads.ts), by
 * default at small scale on PGlite; `--http-only` runs only that part, `--no-http` skips it:
 *   npm run bench -- --http-only --scale tenth --database-url postgres://postgres@127.0.0.1:5432/lianxi_bench
 *
 * `--sweep-only` times one reminder/escalation sweep pass (then a second one) with the rows it read
 * (bench/escalation-sweep-bench.ts), same `--scale`, `--database-url`, `--pglite-dir` flags, plus
 * `--reset-claims` to forget earlier sends first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importCharter } from '../src/domain/charter/import-charter.ts';
import { normalizeText } from '../src/domain/charter/normalize/normalize-text.ts';
import { benchHealthUnderLoad } from './health-under-load.ts';
import { benchHttpReads, httpBenchOptions } from './http-reads.ts';
import { benchEscalationSweep } from './escalation-sweep-bench.ts';

if (process.argv.includes('--sweep-only')) {
  await benchEscalationSweep(process.argv);
  process.exit(0);
}

const httpOnly = process.argv.includes('--http-only');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg !== -1 ? Number(process.argv[runsArg + 1]) : 200;
const WARMUP = 30;

const dirs = [join(import.meta.dirname, '../test/fixtures/seeds'), join(import.meta.dirname, '../test/fixtures/unseen')];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] as number;
}

function time(fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const rows: Array<Record<string, string | number>> = [];
for (const dir of httpOnly ? [] : dirs) {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    continue;
  }
  for (const f of files) {
    const raw = readFileSync(join(dir, f), 'utf8');
    const first = importCharter(raw);
    if (!first.ok) throw new Error(`${f}: ${first.error.message}`);
    const all = time(() => {
      importCharter(raw);
    });
    const norm = time(() => {
      normalizeText(raw);
    });
    rows.push({
      file: f.length > 28 ? `${f.slice(0, 25)}…` : f,
      KB: Number((Buffer.byteLength(raw) / 1024).toFixed(1)),
      'import median ms': Number(median(all).toFixed(3)),
      'import p95 ms': Number(p95(all).toFixed(3)),
      'normalise median ms': Number(median(norm).toFixed(3)),
    });
  }
}

// A large input: the seeds concatenated up to ~1 MB (the input limit)
if (!httpOnly) {
  const big = Object.values(
    Object.fromEntries(
      readdirSync(dirs[0] as string)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => [f, readFileSync(join(dirs[0] as string, f), 'utf8')]),
    ),
  ).join('\n');
  const large = big.repeat(Math.floor((1000 * 1024) / Buffer.byteLength(big)));
  const largeRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    importCharter(large);
    largeRuns.push(performance.now() - t0);
  }
  rows.push({
    file: 'all seeds repeated (~1 MB)',
    KB: Number((Buffer.byteLength(large) / 1024).toFixed(0)),
    'import median ms': Number(median(largeRuns).toFixed(1)),
    'import p95 ms': Number(Math.max(...largeRuns).toFixed(1)),
    'normalise median ms': '',
  });

  console.log(`charter import, ${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`);
  console.table(rows);

  // Issue 18: the event loop stays free while heavy previews run in the worker pool
  await benchHealthUnderLoad();
}

// Issue 16: the busy reads over HTTP, app against bare route
if (!process.argv.includes('--no-http')) await benchHttpReads(httpBenchOptions(process.argv));
