import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind, FieldError } from './domain-error.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId: string;
}

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL / driver errors that mean "the database is not reachable right now". */
const UNAVAILABLE_PG_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);
const UNAVAILABLE_MESSAGES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'canceling statement due to statement timeout',
  'terminating connection',
  'is not queryable',
];

// A socket to PostgreSQL that failed or was cut (the server stopped or restarted).
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_PG_CODES.has(code) || code === '57014')) return true;
  if (typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  // TypeORM releases a transaction's runner when its connection dies under it.
  if (RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  return UNAVAILABLE_MESSAGES.some((m) => error.message.includes(m));
}

/** Maps every error to the problem+json body of api.md; internals never leave the process. */
export function toProblem(
  error: unknown,
  requestId: string,
): { problem: Problem; retryAfter?: number } {
  const make = (status: number, code: string, detail: string, errors?: FieldError[]): Problem => ({
    type: `https://mediation.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  });

  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    return {
      problem: make(status, error.code, error.message, error.errors),
      retryAfter: error.retryAfterSeconds,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return { problem: make(404, 'ROUTE.NOT_FOUND', 'No such route') };
    if (status === 413)
      return { problem: make(413, 'REQUEST.TOO_LARGE', 'The request body is too large') };
    if (status === 415)
      return { problem: make(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type') };
    // Terminus' readiness check throws this when a dependency is down; its `error` names them.
    if (status === 503) {
      const down = (error.getResponse() as { error?: unknown } | null)?.error;
      const names = down && typeof down === 'object' ? Object.keys(down).join(', ') : '';
      return {
        problem: make(
          503,
          'SERVICE.UNAVAILABLE',
          names ? `Not ready: ${names} unavailable` : 'The service is temporarily unavailable',
        ),
        retryAfter: 5,
      };
    }
    if (status < 500) {
      return {
        problem: make(
          status,
          status === 400 ? 'REQUEST.MALFORMED' : `HTTP.${status}`,
          'The request could not be processed',
        ),
      };
    }
  }
  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode < 500.
  const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const code =
      fastifyStatus === 413
        ? 'REQUEST.TOO_LARGE'
        : fastifyStatus === 415
          ? 'REQUEST.UNSUPPORTED_MEDIA_TYPE'
          : 'REQUEST.MALFORMED';
    return { problem: make(fastifyStatus, code, 'The request body could not be read') };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: make(
        503,
        'SERVICE.UNAVAILABLE',
        'The service is temporarily unavailable; retry shortly',
      ),
      retryAfter: 5,
    };
  }
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    // Invalid text representation / out of range: bad input that slipped past validation.
    if (code === '22P02' || code === '22003' || code === '22007' || code === '22008') {
      return { problem: make(400, 'VALIDATION.FAILED', 'A value in the request is not valid') };
    }
  }
  return { problem: make(500, 'INTERNAL', 'An unexpected error occurred; quote the requestId') };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const requestId = String(request.id ?? '');
    const { problem, retryAfter } = toProblem(exception, requestId);
    if (problem.status >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        { err: { name: err.name, message: err.message, stack: err.stack }, requestId },
        'request failed',
      );
    }
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json')
      .send(problem);
  }
}
