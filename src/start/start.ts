/**
 * The start sequence of `lianxi serve`: configuration → database → migrations → administrators'
 * bootstrap → start hooks (example bodies) → listen. `close()` (and SIGTERM/SIGINT) stops accepting
 * requests, lets in-flight ones finish, then closes the database.
 */
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../config/config.ts';
import type { AppConfig } from '../config/config.ts';
import { configuredClock } from '../config/clock.ts';
import type { Clock } from '../config/clock.ts';
import { SYSTEM_ROLE_LABELS } from '../policy/roles.ts';
import { bootstrapAdministrators } from '../services/accounts/create-account.ts';
import type { BootstrapResult } from '../services/accounts/create-account.ts';
import { buildApp } from '../server/app.ts';
import type { LianxiApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';
import { openConfiguredDatabase } from './open-configured-database.ts';
import type { ConfiguredDatabase } from './open-configured-database.ts';
import { startHooks as registeredHooks } from './start-hooks.ts';
import type { StartHook } from './start-hook.ts';

export interface StartOptions {
  config?: AppConfig;
  /** Seed the example bodies (false with --no-examples). */
  examples?: boolean;
  clock?: Clock;
  logger?: FastifyBaseLogger;
  /** Operator output (default: stdout). */
  print?: (line: string) => void;
  hooks?: readonly StartHook[];
}

export interface RunningServer {
  app: LianxiApp;
  database: ConfiguredDatabase;
  /** e.g. http://127.0.0.1:3000 */
  address: string;
  bootstrap: BootstrapResult;
  close(): Promise<void>;
}

/** Formats the one-time passwords of the administrators created on first start. */
export function formatBootstrap(result: BootstrapResult): string[] {
  if (result.created.length === 0) return [];
  return [
    '',
    '首次启动：已创建三个管理员账号（三员分立）。一次性密码只显示这一次，首次登录后必须修改：',
    'First start: three administrator accounts were created. One-time passwords are shown only now:',
    ...result.created.map(
      (admin) => `  ${SYSTEM_ROLE_LABELS[admin.role].padEnd(6, '　')} ${admin.username.padEnd(12)} ${admin.oneTimePassword}`,
    ),
    '',
  ];
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const clock = options.clock ?? configuredClock(config.clock);
  const logger = options.logger ?? createLogger(config);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (options.clock === undefined && config.clock !== null) {
    logger.warn({ clockStart: config.clock.start.toISOString() }, '服务器时钟已由 LIANXI_CLOCK_START 设定（仅用于非生产环境）/ clock set by LIANXI_CLOCK_START');
  }
  const database = await openConfiguredDatabase(config);
  const stoppers: (() => Promise<void>)[] = [];
  const stopHooks = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
  };
  try {
    const { db } = database.handle;
    if (database.migration !== null && database.migration.applied.length > 0) {
      logger.info({ applied: database.migration.applied }, 'migrations applied');
    }
    const bootstrap = await bootstrapAdministrators(db, { config, clock });
    for (const hook of options.hooks ?? registeredHooks) {
      const stop = await hook.run({ db, config, clock, logger, examples: options.examples ?? true, print });
      if (typeof stop === 'function') stoppers.push(stop);
    }
    const app = await buildApp({ db, config, clock, logger });
    await app.listen({ port: config.port, host: config.host });
    const bound = app.server.address();
    const port = typeof bound === 'object' && bound !== null ? bound.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const address = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    print(`Lianxi 联席 已启动 / serving at ${address}${config.apiDocs ? `  (API 文档 ${address}/api/docs)` : ''}`);
    print(
      config.databaseUrl === undefined
        ? `数据目录 / data directory: ${config.dataDir}`
        : '数据库 / database: PostgreSQL (DATABASE_URL)',
    );
    for (const line of formatBootstrap(bootstrap)) print(line);
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      address,
      bootstrap,
      close: () => {
        closing ??= (async () => {
          try {
            await app.close();
          } finally {
            await stopHooks().finally(() => database.close());
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await stopHooks().catch(() => undefined);
    await database.close();
    throw error;
  }
}

/** Closes the server on SIGTERM / SIGINT and exits. */
export function closeOnSignals(server: RunningServer, logger: Pick<FastifyBaseLogger, 'info' | 'error'>): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
