import { applyDecorators, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorator.js';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOperation,
  ApiResponse,
  type ApiResponseOptions,
  DECORATORS,
  getSchemaPath,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { RequestCode, ValidationCode } from '../i18n/common.codes.js';
import { ProblemView } from './problem.view.js';
import type { ErrorCode } from '../../codes.js';
import { CATALOGUES } from '../../messages.js';

/**
 * One decorator per operation (`@ApiDoc({...})`): its summary and description, the typed 2xx
 * answer, the request example, and every application/problem+json error it can give with the
 * codes. Put it first, above `@Access(...)`: decorators apply bottom-up and the last one to
 * describe a status wins, so the problem bodies here replace Access's bare 401/403.
 */

type AnyType = Type<unknown>;

/** The 2xx answer of an operation. */
export type Reply =
  | { kind: 'json'; status: 200 | 201; type: AnyType; isArray: boolean; description: string }
  | { kind: 'schema'; status: 200; schema: SchemaObject; description: string }
  | { kind: 'file'; media: string[]; schema: SchemaObject; description: string }
  | { kind: 'none'; description: string };

export const ok = (type: AnyType, description = '成功'): Reply => ({
  kind: 'json',
  status: 200,
  type,
  isArray: false,
  description,
});
/** A bare JSON array (lists that are never paged: sessions, documents, reminders, …). */
export const okList = (type: AnyType, description = '成功'): Reply => ({
  kind: 'json',
  status: 200,
  type,
  isArray: true,
  description,
});
export const created = (type: AnyType, description = '已创建'): Reply => ({
  kind: 'json',
  status: 201,
  type,
  isArray: false,
  description,
});
export const okSchema = (schema: SchemaObject, description = '成功'): Reply => ({
  kind: 'schema',
  status: 200,
  schema,
  description,
});
export const noContent = (description = '已完成，无响应体'): Reply => ({
  kind: 'none',
  description,
});
/** A binary download (PDF, XLSX) or text file (CSV), in each of its media types. */
export const file = (media: string[], description: string): Reply => ({
  kind: 'file',
  media,
  schema: { type: 'string', format: 'binary' },
  description,
});
export const text = (media: string, description: string): Reply => ({
  kind: 'file',
  media: [media],
  schema: { type: 'string' },
  description,
});

export const MEDIA = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415;

export interface ApiDocOptions {
  summary: string;
  description: string;
  reply: Reply;
  /** The request body's type and a realistic example of it. */
  body?: { type?: AnyType; schema?: SchemaObject; example: unknown };
  /** The body's media type when it is not JSON (`multipart/form-data`). */
  consumes?: string;
  /** A 200 answer with this type beside a `created` 201 (a replayed upload answers what exists). */
  also200?: AnyType;
  /** Codes this operation gives beyond those of every route, by status. */
  errors?: Partial<Record<ErrorStatus, ErrorCode[]>>;
  /** No token needed (login, refresh, health): no 401/403 for a missing token. */
  public?: boolean;
  /** Not rate limited (health, metrics). */
  unthrottled?: boolean;
  /**
   * A published operation id that no longer follows `<Controller>_<method>` (the route moved to
   * another controller): the contract keeps its name.
   */
  operationId?: string;
}

const EXTRA_ERRORS = 'api-doc:extra-errors';

/**
 * Codes an operation gives because of a decorator of its parameters (which Nest's parameter
 * decorators apply before any method decorator, so before `@ApiDoc`): e.g. `@VersionedWrite()`,
 * which reads `Idempotency-Key`, adds its 409. `@ApiDoc` lists them with the operation's own.
 */
export function documentErrors(
  method: object,
  errors: Partial<Record<ErrorStatus, ErrorCode[]>>,
): void {
  const known = (Reflect.getMetadata(EXTRA_ERRORS, method) ?? {}) as Partial<
    Record<ErrorStatus, ErrorCode[]>
  >;
  const merged = { ...known };
  for (const status of Object.keys(errors).map(Number) as ErrorStatus[]) {
    merged[status] = [...new Set([...(known[status] ?? []), ...(errors[status] ?? [])])];
  }
  Reflect.defineMetadata(EXTRA_ERRORS, merged, method);
}

const MEANINGS: Record<number, string> = {
  400: '请求无效',
  401: '未登录或令牌无效',
  403: '当前角色无权执行此操作',
  404: '对象不存在或不在调用者的范围内',
  409: '与对象的当前状态冲突',
  413: '请求体过大',
  414: '路径参数过长',
  415: '不支持的请求体类型',
  429: '请求过于频繁，请按 Retry-After 稍后重试',
  503: '服务暂时不可用，请按 Retry-After 稍后重试',
};

const retryAfter = {
  'Retry-After': { description: '建议重试前等待的秒数', schema: { type: 'integer' } },
};

/** A problem's Chinese title as the filter writes it: the code's own, else its status's. */
function exampleTitle(code: ErrorCode, status: number): string {
  const find = (key: string) => CATALOGUES.find((c) => key in c)?.[key];
  return find(code)?.title?.zh ?? find(`HTTP.${status}`)?.zh ?? '';
}

function problemResponse(status: number, codes: ErrorCode[], meaning: string): ApiResponseOptions {
  const list = codes.map((c) => `\`${c}\``).join('、');
  const examples = Object.fromEntries(
    codes.map((code) => [
      code,
      {
        summary: code,
        value: {
          type: `https://mediation.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
          title: exampleTitle(code, status),
          status,
          code,
          detail: MEANINGS[status],
          ...(code === ValidationCode.Failed
            ? {
                errors: [
                  {
                    field: 'reason',
                    code: ValidationCode.MinLength,
                    message: '至少 5 个字符',
                  },
                ],
              }
            : {}),
          requestId: '7f3c9a12-4b8e-4d1a-9c55-2e6f0b7d8a31',
        },
      },
    ]),
  );
  return {
    status,
    description: `${meaning}。错误代码：${list}`,
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    content: {
      'application/problem+json': {
        schema: { $ref: getSchemaPath(ProblemView) },
        examples,
      },
    },
  };
}

function replyResponse(reply: Reply): ApiResponseOptions {
  switch (reply.kind) {
    case 'json':
      return {
        status: reply.status,
        type: reply.type,
        isArray: reply.isArray,
        description: reply.description,
      };
    case 'schema':
      return {
        status: reply.status,
        description: reply.description,
        content: { 'application/json': { schema: reply.schema } },
      };
    case 'file':
      return {
        status: 200,
        description: reply.description,
        content: Object.fromEntries(reply.media.map((m) => [m, { schema: reply.schema }])),
      };
    case 'none':
      return { status: 204, description: reply.description };
  }
}

/**
 * The problem responses, replacing what is there for the same status (Access's bare 401/403,
 * whose descriptions ApiResponse would otherwise join to these). The 403 names the roles that
 * `@Access` below it allows.
 */
function problems(given: Map<number, ErrorCode[]>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const access = Reflect.getMetadata(ACCESS_KEY, method) as AccessRule | undefined;
    // What the route refuses before its handler, from the route below this decorator: a path
    // parameter longer than the router allows (414), and on every method whose body Fastify
    // reads (all but GET and HEAD, body or not) one over the route's limit or of a type it has
    // no parser for (413, 415).
    const path = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
    const verb = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
    const codes = new Map(given);
    const extra = (Reflect.getMetadata(EXTRA_ERRORS, method) ?? {}) as Partial<
      Record<ErrorStatus, ErrorCode[]>
    >;
    for (const [status, list] of Object.entries(extra) as [string, ErrorCode[]][]) {
      codes.set(Number(status), [...new Set([...(codes.get(Number(status)) ?? []), ...list])]);
    }
    if ([path ?? []].flat().some((p) => p.includes(':')))
      codes.set(414, [RequestCode.ParameterTooLong]);
    if (verb !== undefined && verb !== RequestMethod.GET && verb !== RequestMethod.HEAD) {
      codes.set(413, [RequestCode.TooLarge, ...(given.get(413) ?? [])]);
      codes.set(415, [RequestCode.UnsupportedMediaType, ...(given.get(415) ?? [])]);
    }
    const existing = (Reflect.getMetadata(DECORATORS.API_RESPONSE, method) ?? {}) as Record<
      string,
      unknown
    >;
    const entries = Object.fromEntries(
      [...codes]
        .sort(([a], [b]) => a - b)
        .map(([status, list]) => {
          const meaning =
            status === 403 && access?.kind === 'roles'
              ? `${MEANINGS[403]}（允许的角色：${access.roles.join('、')}）`
              : MEANINGS[status];
          const { status: _s, ...entry } = problemResponse(status, list, meaning);
          return [String(status), entry];
        }),
    );
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...existing, ...entries }, method);
    return descriptor;
  };
}

export function ApiDoc(options: ApiDocOptions): MethodDecorator {
  const extra = options.errors ?? {};
  const codes = new Map<number, ErrorCode[]>();
  const add = (status: number, list: ErrorCode[] = []): void => {
    const all = [...(codes.get(status) ?? []), ...list];
    if (all.length > 0) codes.set(status, [...new Set(all)]);
  };
  add(400, [RequestCode.Malformed, ValidationCode.Failed, ...(extra[400] ?? [])]);
  if (!options.public) {
    add(401, [RequestCode.AuthUnauthenticated]);
    add(403, [RequestCode.AuthForbidden]);
  }
  add(401, extra[401]);
  add(403, extra[403]);
  add(404, extra[404]);
  add(409, extra[409]);
  add(413, extra[413]);
  add(415, extra[415]);
  if (!options.unthrottled) add(429, [RequestCode.RateLimited]);
  add(503, [RequestCode.ServiceUnavailable]);

  const decorators: (MethodDecorator | ClassDecorator)[] = [
    ApiExtraModels(ProblemView),
    ApiOperation({
      summary: options.summary,
      description: options.description,
      ...(options.operationId ? { operationId: options.operationId } : {}),
    }),
    ApiResponse(replyResponse(options.reply)),
    ...(options.also200
      ? [
          ApiResponse({
            status: 200,
            type: options.also200,
            description: '已存在，返回已保存的对象',
          }),
        ]
      : []),
    problems(codes),
  ];
  if (options.consumes) decorators.push(ApiConsumes(options.consumes));
  if (options.body) {
    const { type, schema, example } = options.body;
    const bodySchema: SchemaObject | ReferenceObject = type
      ? { $ref: getSchemaPath(type) }
      : (schema ?? { type: 'object' });
    decorators.push(
      ...(type ? [ApiExtraModels(type)] : []),
      ApiBody({ required: true, schema: bodySchema, examples: { 示例: { value: example } } }),
    );
  }
  return applyDecorators(...decorators);
}
