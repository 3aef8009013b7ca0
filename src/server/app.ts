/**
 * The Fastify application: Zod validation and serialisation, one error shape, request ids,
 * session cookie → actor, OpenAPI 3.1 at /api/openapi.json with docs at /api/docs, the route
 * modules of src/server/routes.ts (which include the built web application).
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config/config.ts';
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import type { BodyRoleResolver } from '../policy/actor.ts';
import { bodyRoleResolvers as registeredResolvers } from '../policy/body-role-resolvers.ts';
import type { AppDeps, LianxiApp, RouteModule } from './app-types.ts';
import { checkRequestPart, databaseErrorToAppError } from './input-hygiene.ts';
import { configureAuditTrail } from '../services/audit-key.ts';
import { installRequestContext } from './request-context.ts';
import { installSecurityHooks } from './security-hooks.ts';
import { registerCompression } from './compression.ts';
import { chineseLocale, formatValidationIssues, validationSummary } from './validation-messages.ts';
import { routeModules as registeredRouteModules } from './routes.ts';

export type { AppDeps, LianxiApp, RouteModule } from './app-types.ts';

export interface BuildAppOptions {
  db: Database;
  config: AppConfig;
  clock: Clock;
  /** A pino logger (or `false`-like silent logger in tests). */
  logger: FastifyBaseLogger;
  /** Defaults to the registry in src/server/routes.ts. */
  routeModules?: readonly RouteModule[];
  /** Defaults to the registry in src/policy/body-role-resolvers.ts. */
  bodyRoleResolvers?: readonly BodyRoleResolver[];
}

// Validation messages in Chinese (the user reads them): plain predicates, labelled in toAppError.
z.config(chineseLocale());

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** Maps any error to the AppError the client sees. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (isAppError(error)) {
    if (error.code === 'unauthenticated' && request.sessionProblem !== null) {
      const expired = request.sessionProblem === 'idle_timeout' || request.sessionProblem === 'absolute_timeout';
      return new AppError(expired ? 'session_expired' : 'unauthenticated', expired ? '会话已超时，请重新登录' : error.message, {
        details: { reason: request.sessionProblem },
      });
    }
    return error;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = error.validationContext ?? 'body';
    const schemas = request.routeOptions.schema as Partial<Record<string, unknown>> | undefined;
    const data = location === 'querystring' ? request.query : location === 'params' ? request.params : location === 'headers' ? request.headers : request.body;
    const issues = formatValidationIssues({ issues: error.validation, schema: schemas?.[location], data, part: location });
    const field = issues[0]?.field ?? '';
    return new AppError('validation_failed', validationSummary(issues), {
      ...(field === '' ? {} : { field }),
      details: { location, issues },
    });
  }
  const databaseError = databaseErrorToAppError(error);
  if (databaseError !== null) return databaseError;
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return new AppError('invalid_json', '请求体不是有效的 JSON');
    }
    if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return new AppError('invalid_json', '请求体为空，但声明为 JSON');
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return new AppError('unsupported_media_type', '不支持的请求内容类型，请使用 application/json');
    }
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return new AppError('payload_too_large', '请求体过大');
    }
    return new AppError('bad_request', '请求不正确', { details: { fastifyCode: fastifyError.code ?? null, status } });
  }
  return new AppError('internal_error', `服务器内部错误，请联系系统管理员（请求编号 ${request.id}）`, {
    details: { requestId: request.id },
  });
}

function sendError(error: AppError, reply: FastifyReply): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send({ error: error.toBody() });
}

/** Builds the application; call `app.ready()` or `app.listen()` after. */
export async function buildApp(options: BuildAppOptions): Promise<LianxiApp> {
  const { db, config, clock, logger } = options;
  configureAuditTrail(config);
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
    },
    // Default body limit: a founding document of 1 M characters (3 MB of UTF-8) fits; routes taking
    // attachments set their own `bodyLimit`.
    bodyLimit: 4 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: AppDeps = {
    db,
    config,
    clock,
    logger: app.log,
    bodyRoleResolvers: options.bodyRoleResolvers ?? registeredResolvers,
  };

  app.setErrorHandler((error, request, reply) => {
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    }
    const appError = toAppError(error, request);
    if (appError.status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    } else {
      request.log.info({ code: appError.code, field: appError.field }, 'request refused');
    }
    return sendError(appError, reply);
  });

  await app.register(fastifyCookie);
  // Brotli / gzip for the API and the web build (before any route: it hooks each route as it is added).
  await registerCompression(app);
  await installSecurityHooks(app, deps);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lianxi 联席 API',
        description: '议事协调机构运行系统接口。错误统一为 { error: { code, status, message, field?, clause? } }。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lianxi_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The API description is a setting (LIANXI_API_DOCS): off by default when NODE_ENV=production.
  if (config.apiDocs) await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installRequestContext(app, deps);
  // Input hygiene for every route (control characters, lone surrogates, depth and array limits).
  app.addHook('preValidation', async (request) => {
    checkRequestPart('params', request.params);
    checkRequestPart('querystring', request.query);
    checkRequestPart('body', request.body);
  });

  if (config.apiDocs) app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const register of options.routeModules ?? registeredRouteModules) {
    await register(app, deps);
  }

  // The web application is served by a route module (src/server/web-static.ts) from the registry.
  app.setNotFoundHandler((request, reply) => {
    return sendError(new AppError('route_not_found', `没有这个接口：${request.method} ${request.url.split('?')[0]}`), reply);
  });

  return app;
}
