/** Shared plumbing of CLI commands: configuration, the database, the operator as audit origin, errors. */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../../config/config.ts';
import type { AppConfig } from '../../config/config.ts';
import { isAppError } from '../../errors/app-error.ts';
import type { AuditOrigin } from '../../services/audit-service.ts';
import { configureAuditTrail } from '../../services/audit-key.ts';
import { openConfiguredDatabase } from '../../start/open-configured-database.ts';
import type { ConfiguredDatabase } from '../../start/open-configured-database.ts';

/** The operator at the console: audited with no account, the OS user as client address. */
export function cliOrigin(command: string): AuditOrigin {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry
  }
  return { actorId: null, requestId: `cli-${command}-${randomUUID()}`, clientAddress: `cli:${user}@${os.hostname()}`, at: new Date() };
}

/** Runs a command body with the configured (migrated) database, closing it after. */
export async function withDatabase<T>(
  body: (database: ConfiguredDatabase, config: AppConfig) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  configureAuditTrail(config);
  const database = await openConfiguredDatabase(config, options);
  try {
    return await body(database, config);
  } finally {
    await database.close();
  }
}

/** Wraps an action: prints a refusal in one line on stderr and sets exit code 2 instead of a stack. */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (isAppError(error)) {
        process.stderr.write(`错误 [${error.code}]：${error.message}${error.field === undefined ? '' : `（${error.field}）`}\n`);
      } else if (error instanceof Error && ['ConfigError', 'DataDirectoryBusyError', 'MigrationError'].includes(error.name)) {
        process.stderr.write(`${error.message}\n`);
      } else {
        throw error;
      }
      process.exitCode = 2;
    }
  };
}
