import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Params } from 'nestjs-pino';
import type { Env } from '../../config/env.js';

/**
 * Paths redacted from every log line. Bodies and query strings are never logged at all; this is
 * the second line of defence for anything a developer logs by hand.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
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

/** The request id: a sane incoming `X-Request-Id`, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(incoming)) return incoming;
  const id = crypto.randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

export function loggerParams(env: Env): Params {
  const destination = env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true }) : undefined;
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        // Path only: a query string may carry names.
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0],
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' || req.url === '/metrics' },
      ...(destination ? { stream: destination } : {}),
    },
  };
}
