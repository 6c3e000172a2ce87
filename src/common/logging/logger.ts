import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import type { Env } from '../../config/env.js';

/**
 * Paths redacted from every log line. Bodies and query strings are never logged at all; this is
 * the second line of defence for anything a developer logs by hand.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.idNumber',
  '*.phone',
  '*.mobile',
  '*.address',
  '*.*.password',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.address',
];

/** The process logger: JSON lines to stdout, or to LOG_FILE when set. */
export function createPino(env: Env): Pino {
  const options = {
    level: env.LOG_LEVEL,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return env.LOG_FILE
    ? pino(options, pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true }))
    : pino(options);
}

/** The request id: a sane incoming `X-Request-Id`, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/** Nest's logger interface over pino, so framework and application logs share one stream. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    const context =
      typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.write('error', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string): void {
    if (message instanceof Error) this.pino[level]({ context, err: message }, message.message);
    else if (message !== null && typeof message === 'object')
      this.pino[level]({ context, ...message });
    else this.pino[level]({ context }, String(message));
  }
}
