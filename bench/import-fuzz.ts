/**
 * The long fuzz run of the charter importer (issue 17 point 4): N mutated inputs up to 100 KB (the
 * seeds with soups of brackets, 、 and digits, deleted and repeated ranges, stripped line breaks and
 * punctuation, long keyword runs — test/domain/charter/fuzz-inputs.ts), then a 1 MB adversarial
 * document. Counts crashes (a throw, or an extractor failure the importer caught), inputs over 1 s,
 * and prints the slowest; exits 1 when a target is missed: 0 crashes, none over 1 s, the 1 MB
 * document under 2 s (wall time; the CPU time is printed beside it, since on a shared machine the wall
 * time also counts the time other processes held the CPU — CPU time includes the GC's threads). Seeded: the same --seed gives the same inputs (a failing one is written out).
 *
 *   node --import tsx bench/import-fuzz.ts [--runs 100000] [--seed 1] [--out /tmp/fuzz-failures]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCharter } from '../src/domain/charter/import-charter.ts';
import { adversarialDocument, mutatedSeed, seedTexts, seededRandom } from '../test/domain/charter/fuzz-inputs.ts';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 ? (process.argv[at + 1] ?? fallback) : fallback;
};

/** Input size limit of the mutated inputs, and the time limits of the issue. */
const MAX_CHARS = 100 * 1024;
const LIMIT_MS = 1000;
const LARGE_LIMIT_MS = 2000;

function crashOf(input: string): string | null {
  try {
    const result = importCharter(input);
    if (!result.ok) return null;
    const failed = result.charter.findings.find((f) => f.code === 'extraction_failed');
    return failed ? failed.message : null;
  } catch (error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
}

export interface ImportFuzzResult {
  runs: number;
  crashes: number;
  overLimit: number;
  slowestMs: number;
  slowestChars: number;
  medianMs: number;
  largeMs: number;
  ok: boolean;
}

/** Runs the fuzz; prints a summary and returns it. */
export function benchImportFuzz(options: { runs: number; seed: number; out: string | null }): ImportFuzzResult {
  for (const s of seedTexts) importCharter(s); // warm-up
  const random = seededRandom(options.seed);
  const times: number[] = [];
  let crashes = 0;
  let overLimit = 0;
  let overLimitCpu = 0;
  let slowestMs = 0;
  let slowestCpuMs = 0;
  let slowestChars = 0;
  const keep = (kind: string, i: number, input: string): void => {
    if (options.out === null) return;
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, `${kind}-${options.seed}-${i}.txt`), input);
  };
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    const input = mutatedSeed(random, MAX_CHARS);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const crash = crashOf(input);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (cpuMs > LIMIT_MS) overLimitCpu++;
    slowestCpuMs = Math.max(slowestCpuMs, cpuMs);
    times.push(ms);
    if (crash !== null) {
      crashes++;
      console.error(`crash on input ${i} (${input.length} chars): ${crash.split('\n')[0]}`);
      keep('crash', i, input);
    }
    if (ms > LIMIT_MS) {
      overLimit++;
      console.error(`input ${i} (${input.length} chars) took ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`);
      keep('slow', i, input);
    }
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestChars = input.length;
    }
    if ((i + 1) % 10_000 === 0) console.log(`  ${i + 1} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  times.sort((a, b) => a - b);
  const medianMs = times.length > 0 ? (times[times.length >> 1] as number) : 0;

  const large = adversarialDocument(1024 * 1024 - 1024);
  const t0 = performance.now();
  const largeCpu0 = process.cpuUsage();
  const largeCrash = crashOf(large);
  const largeMs = performance.now() - t0;
  const largeCpu = process.cpuUsage(largeCpu0);
  if (largeCrash !== null) crashes++;

  const ok = crashes === 0 && overLimit === 0 && largeMs < LARGE_LIMIT_MS;
  console.log(`charter import fuzz (seed ${options.seed}, Node ${process.version})`);
  console.table([
    {
      inputs: options.runs,
      'max KB': MAX_CHARS / 1024,
      crashes,
      [`over ${LIMIT_MS} ms`]: overLimit,
      'median ms': Number(medianMs.toFixed(2)),
      'slowest ms': Number(slowestMs.toFixed(0)),
      'slowest KB': Number((slowestChars / 1024).toFixed(0)),
      [`CPU over ${LIMIT_MS} ms`]: overLimitCpu,
      'slowest CPU ms': Number(slowestCpuMs.toFixed(0)),
      '1 MB adversarial ms': Number(largeMs.toFixed(0)),
      '1 MB CPU ms': Number(((largeCpu.user + largeCpu.system) / 1000).toFixed(0)),
      targets: ok ? 'met' : 'MISSED',
    },
  ]);
  return { runs: options.runs, crashes, overLimit, slowestMs, slowestChars, medianMs, largeMs, ok };
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('import-fuzz.ts')) {
  const out = arg('out', '');
  const result = benchImportFuzz({ runs: Number(arg('runs', '100000')), seed: Number(arg('seed', '1')), out: out === '' ? null : out });
  if (!result.ok) process.exitCode = 1;
}
