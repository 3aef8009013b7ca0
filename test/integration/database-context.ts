/** The database a test suite opened: its handle and Drizzle database once `setup` opened it (integration and service tiers). */
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';

export class DatabaseContext {
  /** Set by the suite's setup, cleared by its teardown. */
  protected handleValue: DatabaseHandle | undefined;

  get handle(): DatabaseHandle {
    if (this.handleValue === undefined) throw new Error('database not open: use the context inside tests/hooks');
    return this.handleValue;
  }

  get db(): Database {
    return this.handle.db;
  }
}
