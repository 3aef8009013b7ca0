/**
 * Harness of the service tier: services and repositories called directly on an in-memory PGlite
 * (no server, no HTTP). `describeServices(name, fn)` opens a fresh migrated database for the suite;
 * each test makes its own body and users with the factories (factories.ts).
 *
 *   describeServices('meetings', (s) => {
 *     it('…', async () => {
 *       const body = await publishBody(s, { roster: ROSTER });
 *       const meeting = await createMeeting(s.db, { bodyId: body.id, input, origin: s.origin(body.office) });
 *     });
 *   });
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { AppConfig } from '../../src/config/config.ts';
import { ManualClock } from '../../src/config/clock.ts';
import type { AuditOrigin } from '../../src/services/audit-service.ts';
import { DatabaseContext } from '../integration/database-context.ts';
import { openMigratedPglite } from '../integration/migrated-pglite.ts';

let counter = 0;
/** A unique lower-case suffix for names made in tests. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The suite's database and clock. */
export class ServiceContext extends DatabaseContext {
  readonly clock = new ManualClock(new Date('2024-05-06T01:00:00Z'));
  readonly config: AppConfig = loadConfig({ LIANXI_DATA_DIR: path.join(os.tmpdir(), `lianxi-services-${uniqueSuffix()}`) });

  async setup(): Promise<void> {
    this.handleValue = await openMigratedPglite();
  }

  async teardown(): Promise<void> {
    await this.handleValue?.close();
    this.handleValue = undefined;
  }

  /** Who acts, as the routes pass it to services: the account, at the clock's now. */
  origin(actor: { id: string } | null = null): AuditOrigin {
    return { actorId: actor?.id ?? null, requestId: null, clientAddress: 'service-test', at: this.clock.now() };
  }

  /** Runs raw SQL and returns the rows (to check what a service stored). */
  async sql<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    return this.handle.rawTransaction((raw) => raw.query<Row>(text, params));
  }
}

/** A suite on a fresh in-memory PGlite, opened before its tests and closed after. */
export function describeServices(name: string, fn: (s: ServiceContext) => void): void {
  describe(name, () => {
    const s = new ServiceContext();
    beforeAll(async () => {
      await s.setup();
    });
    afterAll(async () => {
      await s.teardown();
    });
    fn(s);
  });
}
