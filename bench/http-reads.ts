/**
 * The HTTP benchmark of the busy reads (issue 16). Fills a database with the generator
 * (scripts/generate-bench-data.ts) unless it is filled already, starts bench/http-server.ts in a
 * child process (the app and the bare routes on the same database), then drives each read with
 * autocannon at each client count, app and bare route one after the other in the same run, and
 * prints one table: p50/p99 and throughput of both and the ratio. Then the server's peak RSS, one
 * reminder/escalation sweep over every decided item (time, rows it wrote).
 *
 *   npm run bench -- --http-only                          # small scale, in-memory-sized PGlite in /tmp
 *   npm run bench -- --http-only --scale tenth --database-url postgres://postgres@127.0.0.1:5432/lianxi_bench
 *   flags: --scale small|tenth|national, --database-url URL (else PGlite in /tmp), --duration S (per run, default 3),
 *          --clients 50,200, --only <part of a read's name>, --pglite-dir DIR, --no-sweep
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/client.ts';
import type { DatabaseHandle } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  AUDIT_ADMIN_NUMBER,
  ID_KIND,
  SCALES,
  benchId,
  benchSessionToken,
  generateBenchData,
  liaisonAccountNumber,
  officeAccountNumber,
} from '../scripts/generate-bench-data.ts';
import type { BenchScale } from '../scripts/generate-bench-data.ts';
import { writeBenchReaders } from './bench-readers.ts';
import type { ParentMessage, ServerMessage } from './http-server.ts';

export interface HttpBenchOptions {
  scale: BenchScale;
  databaseUrl: string | null;
  pgliteDir: string;
  durationSeconds: number;
  clients: number[];
  only: string | null;
  /** Run the reminder/escalation sweep after the reads (`--no-sweep` skips it) */
  sweep: boolean;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}

/** Reads the HTTP benchmark's flags. */
export function httpBenchOptions(argv: readonly string[]): HttpBenchOptions {
  const scale = (argValue(argv, '--scale') ?? 'small') as BenchScale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  return {
    scale,
    databaseUrl: argValue(argv, '--database-url') ?? null,
    pgliteDir: argValue(argv, '--pglite-dir') ?? path.join(os.tmpdir(), `lianxi-bench-pglite-${scale}`),
    durationSeconds: Number(argValue(argv, '--duration') ?? 3),
    clients: (argValue(argv, '--clients') ?? '50,200').split(',').map(Number),
    only: argValue(argv, '--only') ?? null,
    sweep: !argv.includes('--no-sweep'),
  };
}

/** The readers and records the reads are made on (all in body 1, whose ids are deterministic). */
const BODY = 1;
const OFFICE = officeAccountNumber(BODY);
const LIAISON = liaisonAccountNumber(BODY, 0);
const FEED_TOKEN = 'bench-feed-token-0123456789';

interface Read {
  name: string;
  app: string;
  bare: string;
  account: number;
}

function reads(unitId: string): Read[] {
  const body = benchId(ID_KIND.body, BODY);
  const decision = benchId(ID_KIND.decision, 1);
  const liaison = benchId(ID_KIND.account, LIAISON);
  const auditActor = benchId(ID_KIND.account, LIAISON);
  return [
    { name: 'registry page', app: '/api/bodies?limit=50', bare: `/bare/bodies?account=${liaison}`, account: LIAISON },
    {
      name: 'registry filtered',
      app: '/api/bodies?kind=leading_group&level=provincial&limit=50',
      bare: `/bare/bodies?kind=leading_group&level=provincial&account=${liaison}`,
      account: LIAISON,
    },
    { name: 'body workspace', app: `/api/bodies/${body}`, bare: `/bare/bodies/${body}`, account: OFFICE },
    { name: "a body's decided items", app: `/api/bodies/${body}/decisions`, bare: `/bare/bodies/${body}/decisions`, account: OFFICE },
    { name: 'overdue items', app: `/api/bodies/${body}/decisions?overdue=true`, bare: `/bare/bodies/${body}/decisions?overdue=true`, account: OFFICE },
    { name: "a unit's cross-body items", app: `/api/units/${unitId}/decisions`, bare: `/bare/units/${unitId}/decisions?account=${liaison}`, account: LIAISON },
    { name: 'my inbox', app: '/api/me/inbox?limit=50', bare: `/bare/me/inbox?account=${liaison}`, account: LIAISON },
    { name: 'decision with progress', app: `/api/bodies/${body}/decisions/${decision}`, bare: `/bare/bodies/${body}/decisions/${decision}`, account: OFFICE },
    { name: 'audit trail page', app: '/api/audit?limit=50', bare: '/bare/audit', account: AUDIT_ADMIN_NUMBER },
    {
      name: 'audit search',
      app: `/api/audit?limit=50&action=meeting.update&actorId=${auditActor}`,
      bare: `/bare/audit?action=meeting.update&actorId=${auditActor}`,
      account: AUDIT_ADMIN_NUMBER,
    },
    { name: 'calendar feed', app: `/api/calendar-feeds/${FEED_TOKEN}.ics`, bare: `/bare/calendar-feed?account=${liaison}`, account: LIAISON },
  ];
}

/** Fills the database when it holds no bodies yet; (re)writes the readers' sessions and feed token. */
async function prepareDatabase(options: HttpBenchOptions): Promise<string> {
  let handle: DatabaseHandle;
  if (options.databaseUrl !== null) {
    handle = await openDatabase({ kind: 'postgres', url: options.databaseUrl });
  } else {
    handle = await openDatabase({ kind: 'pglite', dataDir: options.pgliteDir });
  }
  try {
    await migrate(handle);
    const [filled] = await handle.rawTransaction((sql) => sql.query<{ n: string | number }>('SELECT count(*) AS n FROM bodies'));
    const now = new Date();
    if (Number(filled?.n ?? 0) === 0) {
      console.log(`generating ${options.scale} scale into ${options.databaseUrl ?? options.pgliteDir} …`);
      const result = await generateBenchData(handle, { scale: options.scale, now, log: (line) => console.log(`  ${line}`) });
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(`  ${total} rows in ${result.seconds.toFixed(1)} s (${Math.round(total / result.seconds)} rows/s)`);
    } else {
      console.log(`using the ${Number(filled?.n)} bodies already in ${options.databaseUrl ?? options.pgliteDir}`);
    }
    return await handle.rawTransaction((sql) => writeBenchReaders(sql, { accounts: [OFFICE, LIAISON, AUDIT_ADMIN_NUMBER], liaison: LIAISON, feedToken: FEED_TOKEN, now }));
  } finally {
    await handle.close();
  }
}

function startServer(options: HttpBenchOptions): Promise<{ child: ChildProcess; appPort: number; barePort: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.databaseUrl !== null) env.BENCH_DATABASE_URL = options.databaseUrl;
  else env.BENCH_PGLITE_DIR = options.pgliteDir;
  const child = fork(path.join(import.meta.dirname, 'http-server.ts'), [], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
    child.once('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve({ child, appPort: message.appPort, barePort: message.barePort });
    });
  });
}

function ask<T extends ServerMessage['type']>(child: ChildProcess, message: ParentMessage, type: T): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (reply: ServerMessage): void => {
      if (reply.type === type) {
        child.off('message', listener);
        resolve(reply as Extract<ServerMessage, { type: T }>);
      }
    };
    child.on('message', listener);
    child.send(message);
  });
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

async function load(url: string, connections: number, seconds: number, cookie: string | null): Promise<Measured> {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30, headers: cookie === null ? {} : { cookie } });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad: result.non2xx + result.errors + result.timeouts };
}

/** Runs the HTTP benchmark and prints its table. */
export async function benchHttpReads(options: HttpBenchOptions): Promise<void> {
  const unitId = await prepareDatabase(options);
  const { child, appPort, barePort } = await startServer(options);
  const table: Array<Record<string, string | number>> = [];
  let peakRss = 0;
  try {
    for (const read of reads(unitId)) {
      if (options.only !== null && !read.name.includes(options.only)) continue;
      const cookie = `lianxi_session=${benchSessionToken(read.account)}`;
      // Warm-up (plans, pools, JIT)
      await load(`http://127.0.0.1:${appPort}${read.app}`, 4, 1, cookie);
      for (const clients of options.clients) {
        await ask(child, { type: 'idle' }, 'idle');
        const app = await load(`http://127.0.0.1:${appPort}${read.app}`, clients, options.durationSeconds, cookie);
        peakRss = Math.max(peakRss, (await ask(child, { type: 'rss' }, 'rss')).peakBytes);
        await ask(child, { type: 'idle' }, 'idle');
        const bare = await load(`http://127.0.0.1:${barePort}${read.bare}`, clients, options.durationSeconds, null);
        table.push({
          read: read.name,
          clients,
          'app req/s': Math.round(app.rps),
          'app p50 ms': app.p50,
          'app p99 ms': app.p99,
          'bare req/s': Math.round(bare.rps),
          'bare p50 ms': bare.p50,
          'bare p99 ms': bare.p99,
          'app ÷ bare': bare.rps > 0 ? `${Math.round((app.rps / bare.rps) * 100)} %` : '–',
          'errors (app/bare)': `${app.bad}/${bare.bad}`,
        });
      }
    }
    console.log(
      `\nHTTP reads, ${options.scale} scale on ${options.databaseUrl !== null ? 'PostgreSQL' : 'PGlite'}, ${options.durationSeconds} s per run, ` +
        `${os.cpus().length} CPUs (load average ${os.loadavg()[0]?.toFixed(1)}), Node ${process.version}`,
    );
    console.table(table);
    console.log(`server peak RSS under load: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    if (!options.sweep) return;
    await ask(child, { type: 'idle' }, 'idle');
    const sweep = await ask(child, { type: 'sweep' }, 'sweep');
    const scanned = (result: unknown): string => (typeof result === 'object' && result !== null && 'scanned' in result ? String(result.scanned) : '?');
    console.log(
      `reminder/escalation sweep over every decided item: ${sweep.seconds.toFixed(2)} s, ${scanned(sweep.result)} rows scanned, ` +
        `${sweep.rowsTouched} rows written (claims and outbox): ${JSON.stringify(sweep.result)}`,
    );
    const again = await ask(child, { type: 'sweep' }, 'sweep');
    console.log(`second sweep (nothing new due): ${again.seconds.toFixed(2)} s, ${scanned(again.result)} rows scanned, ${again.rowsTouched} rows written`);
  } finally {
    child.removeAllListeners('exit');
    child.send({ type: 'stop' } satisfies ParentMessage);
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
