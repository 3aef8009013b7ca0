import { z } from 'zod';
import path from 'node:path';

/**
 * Typed configuration, read from the environment once at start and validated with Zod.
 * A bad variable fails fast with an error naming the variable.
 */

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: '必须是整数 / must be an integer' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '必须是 true 或 false / must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1' || value === 'yes'));

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

/** A date-time whose calendar day exists (2026-02-30 does not) and whose time is in range. */
function isRealDateTime(text: string): boolean {
  const [y, m, d, hh, mm] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10), text.slice(11, 13), text.slice(14, 16)].map(Number);
  if (y === undefined || m === undefined || d === undefined || hh === undefined || mm === undefined) return false;
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && hh < 24 && mm < 60 && !Number.isNaN(Date.parse(text));
}

const envSchema = z.object({
  LIANXI_DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: '必须是 postgres:// 地址 / must be a postgres:// URL' })
      .optional(),
  ),
  PORT: integer(3000, 0, 65535),
  HOST: optionalText.transform((value) => value ?? '0.0.0.0'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .transform((value) => value ?? 'info'),
  LIANXI_SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  LIANXI_SESSION_ABSOLUTE_HOURS: integer(12, 1, 24 * 30),
  LIANXI_PASSWORD_MIN_LENGTH: integer(10, 8, 128),
  LIANXI_PASSWORD_MIN_CLASSES: integer(3, 1, 4),
  /** Issue 17: days a password lasts (0: never); unset, 90 when NODE_ENV=production, else 0 */
  LIANXI_PASSWORD_MAX_AGE_DAYS: z
    .string()
    .trim()
    .regex(/^\d+$/, { message: '必须是整数 / must be an integer' })
    .transform(Number)
    .pipe(z.number().int().min(0).max(3650))
    .optional(),
  /** Issue 17: how many earlier passwords may not be used again */
  LIANXI_PASSWORD_HISTORY: integer(5, 0, 24),
  /** Issue 17: concurrent sessions per account (0: no limit for users; administrators at least 1) */
  LIANXI_SESSION_LIMIT_USERS: integer(0, 0, 100),
  LIANXI_SESSION_LIMIT_ADMINS: integer(1, 1, 100),
  /** Issue 17: who signs in with a second factor (TOTP); unset, administrators when NODE_ENV=production, else off */
  LIANXI_SECOND_FACTOR: z.enum(['off', 'administrators', 'everyone'], { message: '必须是 off、administrators 或 everyone / must be off, administrators or everyone' }).optional(),
  /** Issue 17: origins besides the server's own that may send state-changing requests (comma-separated) */
  LIANXI_ALLOWED_ORIGINS: optionalText.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^/,\s]+(\s*,\s*https?:\/\/[^/,\s]+)*$/, {
        message: '必须是以逗号分隔的源（如 https://oa.example.gov.cn）/ must be comma-separated origins such as https://oa.example.gov.cn',
      })
      .optional(),
  ),
  LIANXI_LOCKOUT_THRESHOLD: integer(5, 1, 100),
  LIANXI_LOCKOUT_MINUTES: integer(30, 1, 24 * 60),
  LIANXI_COOKIE_SECURE: booleanFlag(false),
  LIANXI_TRUST_PROXY: booleanFlag(false),
  LIANXI_WEB_DIR: optionalText,
  LIANXI_SMTP_HOST: optionalText,
  LIANXI_SMTP_PORT: integer(25, 1, 65535),
  LIANXI_SMTP_SECURE: booleanFlag(false),
  LIANXI_SMTP_USER: optionalText,
  LIANXI_SMTP_PASSWORD: optionalText,
  LIANXI_SMTP_FROM: optionalText.pipe(
    z.string().regex(/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/, { message: '必须是电子邮件地址 / must be an e-mail address' }).optional(),
  ),
  LIANXI_SWEEP_ENABLED: booleanFlag(true),
  LIANXI_SWEEP_INTERVAL_SECONDS: integer(60, 1, 24 * 60 * 60),
  /** How often the security sweep verifies the audit chain (issue 17 point 7); default hourly */
  LIANXI_AUDIT_VERIFY_INTERVAL_SECONDS: integer(3600, 60, 7 * 24 * 60 * 60),
  /** Issue 17: days audit records stay in the database before they may be archived (at least 180: 等保 level 3 keeps them 6 months) */
  LIANXI_AUDIT_RETENTION_DAYS: integer(180, 180, 36500),
  LIANXI_OUTBOX_MAX_ATTEMPTS: integer(8, 1, 100),
  LIANXI_OUTBOX_BACKOFF_SECONDS: integer(30, 1, 24 * 60 * 60),
  NODE_ENV: optionalText,
  LIANXI_AUDIT_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, { message: '必须是 32 至 128 位十六进制数（16 至 64 字节）/ must be 32 to 128 hex digits' })
      .optional(),
  ),
  LIANXI_DATA_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{32}$/, { message: 'LIANXI_DATA_KEY 必须是 32 位十六进制数（SM4 密钥，16 字节）/ LIANXI_DATA_KEY must be 32 hex digits (an SM4 key, e.g. openssl rand -hex 16)' })
      .optional(),
  ),
  LIANXI_API_DOCS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '必须是 true 或 false / must be true or false' })
    .optional(),
  LIANXI_CLOCK_START: optionalText.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
        message: '必须是带时区的 ISO 时间，如 2026-12-31T09:00:00+08:00 / must be an ISO date-time with offset',
      })
      .refine(isRealDateTime, { message: '不是有效的时间 / not a valid date-time' })
      .optional(),
  ),
}).superRefine((e, ctx) => {
  if (e.LIANXI_AUDIT_KEY === undefined && e.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['LIANXI_AUDIT_KEY'],
      message: '生产环境（NODE_ENV=production）必须设置审计密钥 / required when NODE_ENV=production (e.g. openssl rand -hex 32)',
    });
  }
  if (e.LIANXI_DATA_KEY === undefined && e.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['LIANXI_DATA_KEY'],
      message: '生产环境（NODE_ENV=production）必须设置数据加密密钥 LIANXI_DATA_KEY / LIANXI_DATA_KEY is required when NODE_ENV=production (e.g. openssl rand -hex 16)',
    });
  }
  if (e.LIANXI_CLOCK_START !== undefined && e.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['LIANXI_CLOCK_START'],
      message: '生产环境（NODE_ENV=production）不得设置服务器时钟 / the clock cannot be set when NODE_ENV=production',
    });
  }
  if (e.LIANXI_SMTP_HOST !== undefined && e.LIANXI_SMTP_FROM === undefined) {
    ctx.addIssue({ code: 'custom', path: ['LIANXI_SMTP_FROM'], message: '设置 LIANXI_SMTP_HOST 时必须设置发件地址 / required when LIANXI_SMTP_HOST is set' });
  }
  if ((e.LIANXI_SMTP_USER === undefined) !== (e.LIANXI_SMTP_PASSWORD === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['LIANXI_SMTP_PASSWORD'], message: 'LIANXI_SMTP_USER 与 LIANXI_SMTP_PASSWORD 须同时设置 / set both or neither' });
  }
});

/** Password policy: minimum length and how many of the four character classes are required. */
export interface PasswordPolicySettings {
  minLength: number;
  minClasses: number;
}

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface LockoutSettings {
  threshold: number;
  minutes: number;
}

/** Outgoing mail (SMTP). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  /** Sender address, e.g. `联席会议办公室 <office@example.gov.cn>` */
  from: string;
  auth: { user: string; password: string } | null;
}

/** Background sweeps (reminders) and the outbox sender. */
export interface SweepSettings {
  /** Run the sweeps on a schedule inside the server process */
  enabled: boolean;
  intervalSeconds: number;
  /** Attempts per outbox row before it is given up (and shown to the office) */
  maxAttempts: number;
  /** First retry delay; doubled on each further attempt */
  backoffSeconds: number;
  /** How often the security sweep verifies the audit chain (default 3600 when absent) */
  auditVerifyIntervalSeconds?: number;
}

/**
 * A set clock for a non-production run (LIANXI_CLOCK_START): the server's time starts at `start`
 * when it starts and runs on from there, so sweeps, escalations and sunsets can be watched.
 */
export interface ClockSettings {
  start: Date;
}

export interface AppConfig {
  /** Directory holding the PGlite database (when DATABASE_URL is unset) and other local state. */
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of PGlite. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  session: SessionSettings;
  passwordPolicy: PasswordPolicySettings;
  lockout: LockoutSettings;
  /** Set the Secure flag on the session cookie (enable behind HTTPS). */
  cookieSecure: boolean;
  /** Trust X-Forwarded-For from a reverse proxy for the client address. */
  trustProxy: boolean;
  /** Directory of the built web application served at `/`; defaults to `<repo>/web/dist` when present. */
  webDir: string | undefined;
  /** Null when LIANXI_SMTP_HOST is unset: no e-mail is sent (inbox and webhooks still are). */
  smtp: SmtpSettings | null;
  sweep: SweepSettings;
  /** Null: the system clock. Refused when NODE_ENV=production. */
  clock: ClockSettings | null;
  /**
   * The audit key (hex; LIANXI_AUDIT_KEY): keys the audit chain, its anchor and backups. Required
   * when NODE_ENV=production; otherwise, when unset, one is generated and kept in the data directory.
   */
  auditKey: string | undefined;
  /**
   * The SM4 key (32 hex digits; LIANXI_DATA_KEY) that encrypts personal fields at rest. Required
   * when NODE_ENV=production; otherwise, when unset, derived from the audit key.
   */
  dataKey: string | undefined;
  /** Serve /api/docs and /api/openapi.json (LIANXI_API_DOCS; default off when NODE_ENV=production). */
  apiDocs: boolean;
  /** Level-3 password rules' defaults (issue 17; the security administrator may change them). */
  passwordRules: { maxAgeDays: number; historyCount: number };
  /** Concurrent sessions per account (issue 17): 0 = no limit; a new sign-in ends the oldest beyond it */
  sessionLimits: { userLimit: number; adminLimit: number };
  /** Who must sign in with a second factor until the security administrator sets the policy */
  secondFactor: 'off' | 'administrators' | 'everyone';
  /** Origins besides the server's own allowed to send state-changing requests (LIANXI_ALLOWED_ORIGINS), lower-case */
  allowedOrigins: string[];
  /** Days audit records stay in the database before `lianxi audit archive` may move them (LIANXI_AUDIT_RETENTION_DAYS, ≥ 180) */
  auditRetentionDays: number;
}

/** A configuration error names every bad variable. */
export class ConfigError extends Error {
  readonly variables: string[];
  constructor(problems: { variable: string; message: string }[]) {
    super(
      `配置错误 / invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

/** Reads and validates the configuration from an environment (default: `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: `${issue.message} (got ${JSON.stringify(env[String(issue.path[0] ?? '')] ?? null)})`,
      })),
    );
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(cwd, e.LIANXI_DATA_DIR ?? './data'),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.LIANXI_SESSION_IDLE_MINUTES, absoluteHours: e.LIANXI_SESSION_ABSOLUTE_HOURS },
    passwordPolicy: { minLength: e.LIANXI_PASSWORD_MIN_LENGTH, minClasses: e.LIANXI_PASSWORD_MIN_CLASSES },
    lockout: { threshold: e.LIANXI_LOCKOUT_THRESHOLD, minutes: e.LIANXI_LOCKOUT_MINUTES },
    cookieSecure: e.LIANXI_COOKIE_SECURE,
    trustProxy: e.LIANXI_TRUST_PROXY,
    webDir: e.LIANXI_WEB_DIR === undefined ? undefined : path.resolve(cwd, e.LIANXI_WEB_DIR),
    smtp:
      e.LIANXI_SMTP_HOST === undefined || e.LIANXI_SMTP_FROM === undefined
        ? null
        : {
            host: e.LIANXI_SMTP_HOST,
            port: e.LIANXI_SMTP_PORT,
            secure: e.LIANXI_SMTP_SECURE,
            from: e.LIANXI_SMTP_FROM,
            auth:
              e.LIANXI_SMTP_USER === undefined || e.LIANXI_SMTP_PASSWORD === undefined
                ? null
                : { user: e.LIANXI_SMTP_USER, password: e.LIANXI_SMTP_PASSWORD },
          },
    sweep: {
      enabled: e.LIANXI_SWEEP_ENABLED,
      intervalSeconds: e.LIANXI_SWEEP_INTERVAL_SECONDS,
      auditVerifyIntervalSeconds: e.LIANXI_AUDIT_VERIFY_INTERVAL_SECONDS,
      maxAttempts: e.LIANXI_OUTBOX_MAX_ATTEMPTS,
      backoffSeconds: e.LIANXI_OUTBOX_BACKOFF_SECONDS,
    },
    clock: e.LIANXI_CLOCK_START === undefined ? null : { start: new Date(e.LIANXI_CLOCK_START) },
    auditKey: e.LIANXI_AUDIT_KEY?.toLowerCase(),
    dataKey: e.LIANXI_DATA_KEY?.toLowerCase(),
    apiDocs:
      e.LIANXI_API_DOCS === undefined
        ? e.NODE_ENV !== 'production'
        : e.LIANXI_API_DOCS === 'true' || e.LIANXI_API_DOCS === '1' || e.LIANXI_API_DOCS === 'yes',
    passwordRules: {
      maxAgeDays: e.LIANXI_PASSWORD_MAX_AGE_DAYS ?? (e.NODE_ENV === 'production' ? 90 : 0),
      historyCount: e.LIANXI_PASSWORD_HISTORY,
    },
    sessionLimits: { userLimit: e.LIANXI_SESSION_LIMIT_USERS, adminLimit: e.LIANXI_SESSION_LIMIT_ADMINS },
    secondFactor: e.LIANXI_SECOND_FACTOR ?? (e.NODE_ENV === 'production' ? 'administrators' : 'off'),
    auditRetentionDays: e.LIANXI_AUDIT_RETENTION_DAYS,
    allowedOrigins: (e.LIANXI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().toLowerCase())
      .filter((origin) => origin !== ''),
  };
}
