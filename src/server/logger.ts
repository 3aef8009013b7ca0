import { pino } from 'pino';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.ts';

/** The process logger (JSON lines on stdout). Secrets never go to the log. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword'], remove: true },
  });
}
