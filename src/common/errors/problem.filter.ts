import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { ErrorCode } from '../../codes.js';
import { formatBytes } from '../http/format-bytes.js';
import { DEFAULT_LANG, type Lang, type MessageParams } from '../i18n/catalogue.js';
import { RequestCode, ValidationCode } from '../i18n/common.codes.js';
import { messages, negotiateLanguage } from '../i18n/translator.js';
import { DomainError, ErrorKind, FieldError } from './domain-error.js';

/** One field's problem as the client reads it: its path, its code and the text for people. */
export interface ProblemFieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: ProblemFieldError[];
  requestId: string;
}

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
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

/** Fastify's own 4xx errors (router, content-type parsers), by their `code`. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; context?: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: RequestCode.BadUrl,
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: RequestCode.ParameterTooLong,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: RequestCode.UnsupportedMediaType,
  },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 415,
    code: RequestCode.UnsupportedMediaType,
    context: 'invalid_header',
  },
  FST_ERR_CTP_EMPTY_TYPE: {
    status: 415,
    code: RequestCode.UnsupportedMediaType,
    context: 'empty_header',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: RequestCode.Malformed,
    context: 'empty_body',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: RequestCode.Malformed,
    context: 'content_length',
  },
};

/**
 * The code of a bare HTTP status (`HTTP.405`). The catalogue has those the service answers with;
 * another status still gets its code, whose title and text are then the code itself.
 */
const statusCode = (status: number): ErrorCode => `HTTP.${status}` as ErrorCode;

export interface ProblemContext {
  /** The route's body limit in bytes, named in a 413's detail. */
  bodyLimit?: number;
  /** The reader's language (from Accept-Language); Chinese by default. */
  lang?: Lang;
}

/**
 * Maps every error to the problem+json body of docs/design/api.md, its title, detail and field
 * messages in the reader's language from the message catalogue; internals never leave the process.
 */
export function toProblem(
  error: unknown,
  requestId: string,
  context: ProblemContext = {},
): { problem: Problem; retryAfter?: number } {
  const lang = context.lang ?? DEFAULT_LANG;
  const catalogue = messages();
  const make = (
    status: number,
    code: ErrorCode,
    params: MessageParams = {},
    errors?: FieldError[],
  ): Problem => ({
    type: `https://mediation.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: catalogue.title(code, lang) ?? catalogue.text(`HTTP.${status}`, lang),
    status,
    code,
    detail: catalogue.text(code, lang, params),
    ...(errors && errors.length > 0 ? { errors: errors.map((e) => fieldProblem(e, lang)) } : {}),
    requestId,
  });

  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    return {
      problem: make(status, error.code, error.params, error.errors),
      retryAfter: error.retryAfterSeconds,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return { problem: make(404, RequestCode.RouteNotFound) };
    if (status === 413) return { problem: make(413, RequestCode.TooLarge, tooLarge(context)) };
    if (status === 415) return { problem: make(415, RequestCode.UnsupportedMediaType) };
    // Terminus' readiness check throws this when a dependency is down; its `error` names them.
    if (status === 503) {
      const down = (error.getResponse() as { error?: unknown } | null)?.error;
      const names = down && typeof down === 'object' ? Object.keys(down) : [];
      return {
        problem: names.length
          ? make(503, RequestCode.ServiceUnavailable, { context: 'not_ready', dependencies: names })
          : make(503, RequestCode.ServiceUnavailable),
        retryAfter: 5,
      };
    }
    if (status < 500) {
      return {
        problem: make(status, status === 400 ? RequestCode.Malformed : statusCode(status)),
      };
    }
  }
  // Fastify's own errors (bad URL, body too large, wrong content type) carry a statusCode < 500.
  const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const known = FASTIFY_ERRORS[String((error as { code?: unknown }).code)];
    if (known)
      return {
        problem: make(known.status, known.code, known.context ? { context: known.context } : {}),
      };
    if (fastifyStatus === 413)
      return { problem: make(413, RequestCode.TooLarge, tooLarge(context)) };
    if (fastifyStatus === 415) return { problem: make(415, RequestCode.UnsupportedMediaType) };
    return {
      problem: make(
        fastifyStatus,
        fastifyStatus === 400 ? RequestCode.Malformed : statusCode(fastifyStatus),
      ),
    };
  }
  if (isDatabaseUnavailable(error)) {
    return { problem: make(503, RequestCode.ServiceUnavailable), retryAfter: 5 };
  }
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    // Invalid text representation / out of range: bad input that slipped past validation.
    if (code === '22P02' || code === '22003' || code === '22007' || code === '22008') {
      // The stable code of every invalid value; the detail says it reached the database.
      return { problem: make(400, ValidationCode.Failed, { context: 'value' }) };
    }
  }
  return { problem: make(500, RequestCode.Internal) };
}

function fieldProblem(error: FieldError, lang: Lang): ProblemFieldError {
  const catalogue = messages();
  return {
    field: error.field,
    code: error.code,
    message: catalogue.text(error.code, lang, error.params),
  };
}

const tooLarge = ({ bodyLimit }: ProblemContext): MessageParams =>
  bodyLimit ? { context: 'limit', limit: formatBytes(bodyLimit) } : {};

/** The language a request's problem is written in. */
export function problemLanguage(request: FastifyRequest): Lang {
  try {
    return negotiateLanguage(request.headers?.['accept-language']);
  } catch {
    return DEFAULT_LANG;
  }
}

function sendProblem(reply: FastifyReply, problem: Problem, lang: Lang, retryAfter?: number): void {
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  void reply
    .header('Content-Language', lang)
    .status(problem.status)
    .header('Content-Type', 'application/problem+json')
    .send(problem);
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook runs (a malformed URL, an
 * over-long parameter) leaves in the same shape, with the headers the hooks would have set.
 */
export function sendFrameworkError(
  error: Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const lang = problemLanguage(request);
  const { problem } = toProblem(error, String(request.id ?? ''), { lang });
  void reply
    .header('X-Request-Id', String(request.id ?? ''))
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff');
  sendProblem(reply, problem, lang);
}

/**
 * The net under the filter. Routes registered before Nest installs its error handler (the CORS
 * preflight, the API docs) and plugins with their own (Bull Board) would answer a failed request
 * in Fastify's shape, or as a 500 for an error without a `statusCode` (a CORS refusal, a rate
 * limit). The error is kept when Fastify reports it and the answer rewritten before it leaves,
 * unless it is problem+json already.
 */
export function answerErrorsAsProblems(fastify: FastifyInstance): void {
  const failures = new WeakMap<FastifyRequest, unknown>();
  fastify.addHook('onError', async (request, _reply, error) => {
    failures.set(request, error);
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!failures.has(request)) return payload;
    const error = failures.get(request);
    failures.delete(request);
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) {
      return payload;
    }
    const lang = problemLanguage(request);
    const { problem, retryAfter } = toProblem(error, String(request.id ?? ''), {
      bodyLimit: bodyLimitOf(request),
      lang,
    });
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .header('Content-Language', lang)
      .removeHeader('Content-Length');
    return JSON.stringify(problem);
  });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const requestId = String(request.id ?? '');
    const lang = problemLanguage(request);
    const { problem, retryAfter } = toProblem(exception, requestId, {
      bodyLimit: bodyLimitOf(request),
      lang,
    });
    if (problem.status >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        { err: { name: err.name, message: err.message, stack: err.stack }, requestId },
        'request failed',
      );
    }
    sendProblem(reply, problem, lang, retryAfter);
  }
}

function bodyLimitOf(request: FastifyRequest): number | undefined {
  try {
    return request.routeOptions?.bodyLimit;
  } catch {
    return undefined; // not a Fastify request (e.g. a test's stand-in)
  }
}
