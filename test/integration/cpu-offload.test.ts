/**
 * CPU-heavy work runs off the event loop (issue 18 item 4): charter previews go through the worker
 * pool and finish — or fail cleanly — within their time budget, also four at once; the pool stops a
 * task at its budget with a clear 422, replaces the stuck worker, and refuses work beyond its queue
 * with a 429. (How long /api/health takes meanwhile is a benchmark figure: `npm run bench`.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuPool } from '../../src/services/cpu-tasks.ts';
import { CHARTER_IMPORT_BUDGET_MS } from '../../src/services/charter-service.ts';
import { describeDatabases } from './harness.ts';
import { publishTestBody } from './factories/bodies.ts';

/** 72 KB that the importer finds hard: one long run of opening title brackets. */
function adversarialFoundingText(): string {
  return '关于成立协调小组的通知\n' + '《'.repeat(24 * 1024 - 12);
}

describeDatabases('CPU-heavy work off the event loop', (t) => {
  it('a 72 KB adversarial preview, four at once, finishes or fails cleanly within its budget', { timeout: 120_000 }, async () => {
    const app = await t.app();
    const { adminCookie } = await publishTestBody(t);
    const text = adversarialFoundingText();
    expect(Buffer.byteLength(text)).toBeGreaterThan(70 * 1024);
    const started = performance.now();
    const previews = Array.from({ length: 4 }, () =>
      app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie: adminCookie }, payload: { text } }).then((response) => ({ response, ms: performance.now() - started })),
    );
    // The event loop stays free meanwhile: the health check is answered while the previews run
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    const healthMs = performance.now() - started;
    expect(health.statusCode).toBe(200);
    for (const { response, ms } of await Promise.all(previews)) {
      expect([200, 413, 422, 400, 429], response.body).toContain(response.statusCode);
      if (response.statusCode !== 200) expect(response.json<{ error: { code: string; message: string } }>().error.message).not.toBe('');
      expect(ms).toBeLessThan(CHARTER_IMPORT_BUDGET_MS + 2_000);
    }
    console.info(`cpu offload [${t.kind}]: health answered after ${healthMs.toFixed(0)} ms while four 72 KB previews ran`);
  });
});

describe('the CPU pool', () => {
  const pool = createCpuPool({ size: 1, maxQueue: 2, budgetMs: 10_000 });
  afterAll(async () => {
    await pool.close();
  });

  it('stops a task at its time budget with a clear 422 and replaces the stuck worker', { timeout: 60_000 }, async () => {
    await pool.run({ kind: 'spin', ms: 1 }); // worker started
    const started = performance.now();
    await expect(pool.run({ kind: 'spin', ms: 60_000 }, { budgetMs: 300 })).rejects.toMatchObject({ code: 'processing_time_exceeded', status: 422 });
    expect(performance.now() - started).toBeLessThan(2_000);
    // The next task runs on a new worker
    await expect(pool.run({ kind: 'import_charter', text: '关于成立协调小组的通知\n为加强协调，成立协调小组。' })).resolves.toMatchObject({ ok: true });
  });

  it('queues beyond its size and refuses beyond its queue with a 429', { timeout: 60_000 }, async () => {
    const running = pool.run({ kind: 'spin', ms: 300 });
    const queued = [pool.run({ kind: 'spin', ms: 1 }), pool.run({ kind: 'spin', ms: 1 })];
    await expect(pool.run({ kind: 'spin', ms: 1 })).rejects.toMatchObject({ code: 'server_busy', status: 429 });
    await expect(Promise.all([running, ...queued])).resolves.toEqual([null, null, null]);
  });
});
