/**
 * Issue 16: one reminder/escalation sweep pass over a generated data set, timed by wall clock and by
 * this process's CPU time, with the rows it read: `scanned` (candidate rows the sweep read, when the
 * sweep reports it) and the `decisions` rows the database itself read (sequential and index fetches
 * from pg_stat_user_tables, the same figure on PGlite and PostgreSQL). Two passes: the first claims
 * what is due (after `--reset-claims`, everything due today), the second finds nothing new.
 *
 *   npm run bench -- --sweep-only [--scale small|tenth] [--database-url URL | --pglite-dir DIR] [--reset-claims]
 */
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/config/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import type { DatabaseHandle } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { sweepReminders } from '../src/services/reminder-sweep.ts';
import { SCALES, generateBenchData } from '../scripts/generate-bench-data.ts';
import type { BenchScale } from '../scripts/generate-bench-data.ts';

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}

/** Rows of `decisions` the database has read so far (sequential scans plus index fetches). */
async function decisionRowsRead(handle: DatabaseHandle): Promise<number> {
  return handle.rawTransaction(async (sql) => {
    await sql.query('SELECT pg_stat_clear_snapshot()');
    const [row] = await sql.query<{ n: string | number | null }>(
      `SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_user_tables WHERE relname = 'decisions'`,
    );
    return Number(row?.n ?? 0);
  });
}

/** Lets every backend flush its table statistics (PostgreSQL flushes them at most once a second). */
async function flushStats(handle: DatabaseHandle): Promise<void> {
  await handle.rawTransaction((sql) => sql.query('SELECT pg_stat_force_next_flush()'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

/** One sweep pass as the benchmark runs it (the reminder sweep by default). */
export type SweepPass = (deps: { db: DatabaseHandle['db']; clock: typeof systemClock }) => Promise<object>;

/** Times one pass. */
async function onePass(handle: DatabaseHandle, label: string, sweep: SweepPass): Promise<void> {
  await flushStats(handle);
  const readBefore = await decisionRowsRead(handle);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await sweep({ db: handle.db, clock: systemClock });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await flushStats(handle);
  const read = (await decisionRowsRead(handle)) - readBefore;
  const scanned = 'scanned' in result ? String(result.scanned) : 'n/a';
  console.log(
    `${label}: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (this process), ` +
      `rows scanned by the sweep: ${scanned}, decisions rows read by the database: ${read}, result ${JSON.stringify(result)}`,
  );
}

/** `npm run bench -- --sweep-only …` */
export async function benchEscalationSweep(argv: readonly string[], sweep: SweepPass = sweepReminders): Promise<void> {
  const scale = (argValue(argv, '--scale') ?? 'small') as BenchScale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const url = argValue(argv, '--database-url') ?? null;
  const dataDir = argValue(argv, '--pglite-dir') ?? path.join(os.tmpdir(), `lianxi-bench-pglite-${scale}`);
  const handle = await openDatabase(url !== null ? { kind: 'postgres', url } : { kind: 'pglite', dataDir });
  try {
    await migrate(handle);
    const [filled] = await handle.rawTransaction((sql) => sql.query<{ n: string | number }>('SELECT count(*) AS n FROM bodies'));
    if (Number(filled?.n ?? 0) === 0) {
      console.log(`generating ${scale} scale into ${url ?? dataDir} …`);
      await generateBenchData(handle, { scale, log: (line) => console.log(`  ${line}`) });
    }
    if (argv.includes('--reset-claims')) {
      await handle.rawTransaction(async (sql) => {
        await sql.exec('DELETE FROM reminder_sends');
        await sql.exec('DELETE FROM escalation_sends');
        await sql.exec(`DELETE FROM outbox WHERE kind = 'notification' AND payload->>'event' LIKE 'decision.reminder_%'`);
      });
    }
    const [counts] = await handle.rawTransaction((sql) =>
      sql.query<{ total: string | number; open: string | number }>(`SELECT count(*) AS total, count(*) FILTER (WHERE status <> 'closed') AS open FROM decisions`),
    );
    console.log(
      `reminder/escalation sweep, ${scale} scale on ${url !== null ? 'PostgreSQL' : 'PGlite'}: ${Number(counts?.total)} decided items (${Number(counts?.open)} open), ` +
        `${os.cpus().length} CPUs (load average ${os.loadavg()[0]?.toFixed(1)}), Node ${process.version}`,
    );
    await onePass(handle, 'first pass', sweep);
    await onePass(handle, 'second pass (nothing new due)', sweep);
  } finally {
    await handle.close();
  }
}
