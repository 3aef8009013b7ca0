/**
 * Integration-test harness. `describeDatabases(name, fn)` runs the suite on a fresh PGlite and, when
 * TEST_DATABASE_URL is set, on a fresh database of that PostgreSQL server (created per suite as a copy
 * of a migrated template database, dropped after). In CI (CI=true) the PostgreSQL run is required.
 *
 * Each suite gets a context `t` with a movable clock, one app, and factories so that every test
 * creates its own users:
 *
 *   describeDatabases('accounts', (t) => {
 *     it('…', async () => {
 *       const app = await t.app();
 *       const admin = await t.createAccount({ systemRoles: ['security_admin'] });
 *       const cookie = await signIn(app, admin);
 *       const res = await app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie } });
 *     });
 *   });
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.ts';
import type { AppConfig } from '../../src/config/config.ts';
import { ManualClock } from '../../src/config/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { AccountRow } from '../../src/db/schema/platform.ts';
import type { GrantableBodyRole, SystemRole } from '../../src/policy/roles.ts';
import { updateAccount } from '../../src/repositories/account-repository.ts';
import { grantRole } from '../../src/services/accounts/account-roles.ts';
import { createAccount as createAccountService } from '../../src/services/accounts/create-account.ts';
import { configureAuditTrail } from '../../src/services/audit-key.ts';
import { buildApp } from '../../src/server/app.ts';
import { DatabaseContext } from './database-context.ts';
import type { BuildAppOptions, LianxiApp } from '../../src/server/app.ts';
import { openMigratedPglite, templateKey } from './migrated-pglite.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** A test account with the password it was created with. */
export interface TestAccount {
  id: string;
  username: string;
  password: string;
  row: AccountRow;
}

export interface CreateAccountOptions {
  systemRoles?: SystemRole[];
  bodyGrants?: { bodyId: string; role: GrantableBodyRole }[];
  personId?: string | null;
  displayName?: string;
  /** Leave the forced password change on (default false: the account is ready to use). */
  mustChangePassword?: boolean;
  username?: string;
  password?: string;
}

let counter = 0;
/** A unique lower-case suffix for names made in tests. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${randomBytes(3).toString('hex')}`;
}

/** A password satisfying the default policy. */
export function strongPassword(): string {
  return `Pw-${randomBytes(6).toString('hex')}-Zq9`;
}

/** The suite context: a fresh database, a movable clock and factories. */
export class TestContext extends DatabaseContext {
  readonly kind: DatabaseKind;
  readonly clock = new ManualClock(new Date());
  readonly config: AppConfig;
  private appValue: LianxiApp | undefined;
  private dropDatabase: (() => Promise<void>) | undefined;

  constructor(kind: DatabaseKind) {
    super();
    this.kind = kind;
    this.config = loadConfig({ LIANXI_DATA_DIR: path.join(os.tmpdir(), `lianxi-test-${uniqueSuffix()}`) });
  }

  /** Opens a fresh, migrated database (called by describeDatabases in beforeAll). */
  async setup(): Promise<void> {
    configureAuditTrail(this.config);
    if (this.kind === 'pglite') {
      this.handleValue = await openMigratedPglite();
    } else {
      const url = process.env.TEST_DATABASE_URL as string;
      const { url: freshUrl, drop } = await createFreshPostgresDatabase(url, { template: await migratedPostgresTemplate(url) });
      this.dropDatabase = drop;
      this.handleValue = await openDatabase({ kind: 'postgres', url: freshUrl, max: 5 });
      // Cloned from the migrated template: finds nothing to do (and checks the ledger).
      await migrate(this.handleValue);
    }
  }

  async teardown(): Promise<void> {
    await this.appValue?.close();
    this.appValue = undefined;
    await this.handleValue?.close();
    this.handleValue = undefined;
    await this.dropDatabase?.();
  }

  /** Builds a new app on this database (for options such as other route modules). */
  async createTestApp(overrides: Partial<Omit<BuildAppOptions, 'db'>> = {}): Promise<LianxiApp> {
    const app = await buildApp({
      db: this.db,
      config: this.config,
      clock: this.clock,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
      ...overrides,
    });
    await app.ready();
    return app;
  }

  /** The suite's shared app (built once, closed after the suite). */
  async app(): Promise<LianxiApp> {
    this.appValue ??= await this.createTestApp();
    return this.appValue;
  }

  /** Creates an account through the account service (audited like any other). */
  async createAccount(options: CreateAccountOptions = {}): Promise<TestAccount> {
    const username = options.username ?? `u${uniqueSuffix()}`;
    const password = options.password ?? strongPassword();
    const origin = { actorId: null, requestId: null, clientAddress: 'test-factory', at: this.clock.now() };
    const { account } = await createAccountService(this.db, {
      config: this.config,
      clock: this.clock,
      username,
      displayName: options.displayName ?? `测试用户${username}`,
      password,
      systemRoles: options.systemRoles ?? [],
      personId: options.personId ?? null,
      origin,
    });
    for (const grant of options.bodyGrants ?? []) {
      await grantRole(this.db, {
        clock: this.clock,
        accountId: account.id,
        change: { kind: 'body', bodyId: grant.bodyId, role: grant.role },
        origin,
      });
    }
    const row =
      options.mustChangePassword === true
        ? account
        : await updateAccount(this.db, account.id, { mustChangePassword: false });
    return { id: row.id, username: row.username, password, row };
  }

  /** Signs the account in through the API and returns the Cookie header value. */
  async signIn(account: Pick<TestAccount, 'username' | 'password'>): Promise<string> {
    return signIn(await this.app(), account);
  }

  /** Runs raw SQL (for tamper tests) and returns the rows. */
  async sql<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    return this.handle.rawTransaction((raw) => raw.query<Row>(text, params));
  }

  /**
   * Runs raw SQL as someone who gets past the audit trail's append-only guard (migration 0009),
   * as a database owner could: for tests of what `audit verify` detects.
   */
  async tamper<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    return this.handle.rawTransaction(async (raw) => {
      await raw.exec("SET LOCAL lianxi.audit_restore = 'on'");
      return raw.query<Row>(text, params);
    });
  }
}

/** Signs in through POST /api/auth/sign-in; returns the `cookie` header value to send. */
export async function signIn(app: LianxiApp, account: Pick<TestAccount, 'username' | 'password'>): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: account.username, password: account.password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${account.username} failed: ${response.statusCode} ${response.body}`);
  }
  return cookieHeader(response.headers['set-cookie']);
}

/** An empty database of the suite's kind (a fresh PGlite, or a fresh PostgreSQL database), e.g. to restore a backup into; `dispose` closes (and drops) it. */
export async function emptyTargetDatabase(t: TestContext): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (t.kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite' });
    return { handle, dispose: () => handle.close() };
  }
  const fresh = await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL as string);
  const handle = await openDatabase({ kind: 'postgres', url: fresh.url, max: 2 });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
}

/** A second connection pool (of `max` connections) on the suite's database (PostgreSQL), or the same PGlite. */
export async function secondDatabase(t: TestContext, max = 5): Promise<{ db: Database; close: () => Promise<void> }> {
  if (t.kind === 'pglite') return { db: t.db, close: async () => undefined };
  const [row] = await t.sql<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${row?.name ?? ''}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), max });
  return { db: handle.db, close: () => handle.close() };
}

/** The `cookie` request header for a response's Set-Cookie header(s). */
export function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const pairs = list.map((value) => value.split(';')[0] ?? '').filter((pair) => pair !== '' && !pair.endsWith('='));
  if (pairs.length === 0) throw new Error('response set no cookie');
  return pairs.join('; ');
}

/**
 * Creates a uniquely named database on the server of `url` (empty, or a copy of the database
 * `template`); returns its URL and a drop function.
 */
export async function createFreshPostgresDatabase(url: string, options: { template?: string } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lianxi_t_${uniqueSuffix()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${options.template === undefined ? '' : ` TEMPLATE ${options.template}`}`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The advisory lock (on the database of TEST_DATABASE_URL) under which one process makes the template. */
const TEMPLATE_LOCK = 0x6c69_616e; // "lian"
let templateName: Promise<string> | undefined;

/**
 * The name of a database on the server of `url` with every migration applied, made once per content
 * of migrations/ (named by their hash, like the PGlite dump of migrated-pglite.ts) and kept on the
 * server for later runs. Each suite's database is a copy of it (CREATE DATABASE … TEMPLATE, a file
 * copy on the server: a fraction of the cost of running the migrations every time). Nobody connects
 * to the template after it is made, as PostgreSQL requires of a template.
 */
function migratedPostgresTemplate(url: string): Promise<string> {
  templateName ??= (async () => {
    const name = `lianxi_tpl_${templateKey()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      try {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) {
          // Made under another name and renamed when complete: a crash never leaves a half-migrated template.
          const staging = `${name}_${process.pid}`;
          await admin.query(`DROP DATABASE IF EXISTS ${staging} WITH (FORCE)`);
          await admin.query(`CREATE DATABASE ${staging}`);
          const stagingUrl = new URL(url);
          stagingUrl.pathname = `/${staging}`;
          const handle = await openDatabase({ kind: 'postgres', url: stagingUrl.toString(), max: 1 });
          try {
            await migrate(handle);
          } finally {
            await handle.close();
          }
          await admin.query(`ALTER DATABASE ${staging} RENAME TO ${name}`);
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
      }
    } finally {
      await admin.end();
    }
    return name;
  })();
  return templateName;
}

let warned = false;

/** Which databases the suites run on; the PostgreSQL run is required when CI=true. */
export function databaseKinds(): { kind: DatabaseKind; run: boolean; missingInCi: boolean }[] {
  const hasPostgres = (process.env.TEST_DATABASE_URL ?? '') !== '';
  const ci = process.env.CI === 'true';
  if (!hasPostgres && !ci && !warned) {
    warned = true;
    console.warn(
      '\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!!  PostgreSQL suite skipped: TEST_DATABASE_URL not set                      !!\n' +
        '!!  (set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it) !!\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
    );
  }
  return [
    { kind: 'pglite', run: true, missingInCi: false },
    { kind: 'postgres', run: hasPostgres, missingInCi: !hasPostgres && ci },
  ];
}

/**
 * Runs `fn` once per database (PGlite, then PostgreSQL when configured), each on its own fresh,
 * migrated database. `fn` registers tests with `it` and uses the context `t`. `only` restricts the
 * suite to one kind (e.g. a test that needs a database a second process can open).
 */
export function describeDatabases(name: string, fn: (t: TestContext) => void, options: { only?: DatabaseKind } = {}): void {
  for (const { kind, run, missingInCi } of databaseKinds()) {
    if (options.only !== undefined && kind !== options.only) continue;
    if (missingInCi) {
      describe(`${name} [postgres]`, () => {
        it('needs TEST_DATABASE_URL in CI', () => {
          throw new Error('PostgreSQL suite required in CI but TEST_DATABASE_URL is not set');
        });
      });
      continue;
    }
    const suite = run ? describe : describe.skip;
    suite(`${name} [${kind}]`, () => {
      const t = new TestContext(kind);
      beforeAll(async () => {
        await t.setup();
      });
      afterAll(async () => {
        await t.teardown();
      });
      fn(t);
    });
  }
}
