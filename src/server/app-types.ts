import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config/config.ts';
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';
import type { BodyRoleResolver } from '../policy/actor.ts';

/** What every route module receives. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Sources of body roles (direct grants + memberships). */
  bodyRoleResolvers: readonly BodyRoleResolver[];
}

/** The Fastify instance with the Zod type provider. */
export type LianxiApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A route module registers its routes (all under `/api/...`, full paths) on the app. */
export type RouteModule = (app: LianxiApp, deps: AppDeps) => Promise<void>;
