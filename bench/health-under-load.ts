/**
 * Benchmark line of issue 18: how long GET /api/health takes while four heavy charter previews
 * (72 KB adversarial text each) run. The previews run in the CPU pool's worker threads, so the
 * health check should answer within ~100 ms. A figure, not a test.
 */
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { cpuPool } from '../src/services/cpu-tasks.ts';
import { systemClock } from '../src/config/clock.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { updateAccount } from '../src/repositories/account-repository.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { buildApp } from '../src/server/app.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

/** Prints one line: health latency (median, max) while four 72 KB previews run, and how long they took. */
export async function benchHealthUnderLoad(): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrate(handle);
  const config = loadConfig({ LIANXI_DATA_DIR: path.join(os.tmpdir(), `lianxi-bench-${process.pid}`) });
  const app = await buildApp({ db: handle.db, config, clock: systemClock, logger: pino({ level: 'silent' }) });
  await app.ready();
  try {
    const password = 'Bench-Pw-9z-Long!';
    const origin = { actorId: null, requestId: null, clientAddress: 'bench', at: systemClock.now() };
    const { account } = await createAccount(handle.db, { config, clock: systemClock, username: 'bench_admin', displayName: '基准测试', password, systemRoles: ['system_admin'], personId: null, origin });
    await updateAccount(handle.db, account.id, { mustChangePassword: false });
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'bench_admin', password } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const text = '关于成立协调小组的通知\n' + '《'.repeat(24 * 1024 - 12);
    // Warm the pool (workers start lazily)
    await app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie }, payload: { text: '关于成立协调小组的通知\n成立协调小组。' } });
    const started = performance.now();
    let running = true;
    const previews = Promise.all(
      Array.from({ length: 4 }, () => app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie }, payload: { text } })),
    ).finally(() => {
      running = false;
    });
    const health: number[] = [];
    while (running) {
      const t0 = performance.now();
      await app.inject({ method: 'GET', url: '/api/health' });
      health.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const statuses = (await previews).map((r) => r.statusCode).join('/');
    const total = performance.now() - started;
    console.log(
      `health under load: GET /api/health median ${median(health).toFixed(1)} ms, max ${Math.max(0, ...health).toFixed(1)} ms over ${health.length} checks while 4 × 72 KB previews ran (${total.toFixed(0)} ms, HTTP ${statuses}, ${cpuPool().options.size} worker threads)`,
    );
  } finally {
    await app.close();
    await handle.close();
    await cpuPool().close();
  }
}
