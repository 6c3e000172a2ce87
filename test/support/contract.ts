import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

/**
 * The committed openapi.json as a contract: every response the e2e suite receives through
 * `createTestApp().http()` is checked against the schema the document declares for its
 * operation, status and media type. A response the document does not describe fails the test.
 */

interface MediaObject {
  schema?: object;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}
interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, object> };
}

export interface Operation {
  method: string;
  template: string;
  op: OperationObject;
}

/** The parts of a response the contract looks at (a supertest or light-my-request response). */
export interface ObservedResponse {
  status: number;
  headers: Record<string, unknown>;
  /** The parsed JSON body, when the media type is JSON. */
  body?: unknown;
  /** The raw body as text, when there is one. */
  text?: string;
}

const DOC_ID = 'openapi.json';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Served outside the API document on purpose: the document itself and Bull Board. */
const UNDOCUMENTED = [/^\/api\/docs(?:[-/].*)?$/, /^\/admin\/queues(?:\/.*)?$/];

const pointer = (...parts: string[]): string =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

const isJson = (media: string): boolean => /^application\/(?:[\w.-]+\+)?json$/.test(media);

/**
 * Objects with declared properties take no others: a field the document does not name is as
 * untrue as a missing one. (Only `allOf` wrappers of a single $ref are used, which this keeps.)
 */
function closed<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object' && o.additionalProperties === undefined)
      o.additionalProperties = false;
    Object.values(o).forEach(closed);
  }
  return node;
}

export class Contract {
  readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly routes: { re: RegExp; template: string; params: number }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(file = 'openapi.json') {
    this.document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    // strict: false lets OpenAPI's annotations (example, nullable beside $ref) through; the
    // 3.0 `nullable: true` beside `type` is understood by Ajv itself.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    formats.default(this.ajv);
    this.ajv.addSchema(closed(structuredClone(this.document)), DOC_ID);
    this.routes = Object.keys(this.document.paths)
      .map((template) => {
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) =>
            part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('');
        // Exactly: the router does not ignore a trailing slash, so `/courts/` is no route of the
        // document (an empty `{id}` the fuzzer sends), answered 404 ROUTE.NOT_FOUND.
        return {
          re: new RegExp(`^${source}$`),
          template,
          params: (template.match(/\{/g) ?? []).length,
        };
      })
      // A literal segment wins over a parameter: /cases/search before /cases/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** Every operation of the document. */
  operations(): Operation[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({ method, template, op })),
    );
  }

  /** The operation a request goes to, by its method and the path's template. */
  match(method: string, path: string): Operation | undefined {
    const m = method.toLowerCase();
    const route = this.routes.find((r) => r.re.test(path) && this.document.paths[r.template][m]);
    if (!route) return undefined;
    return { method: m, template: route.template, op: this.document.paths[route.template][m] };
  }

  /** The schema Problem bodies are checked against (responses outside any operation). */
  private validator(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}#${ref}` });
      this.validators.set(ref, v);
    }
    return v;
  }

  /**
   * What is wrong with a response, as sentences; empty when the document describes it.
   * `url` may be absolute or a path, with or without a query.
   */
  check(method: string, url: string, res: ObservedResponse): string[] {
    const path = new URL(url, 'http://x').pathname;
    const m = method.toLowerCase();
    const op = this.match(m, path);
    const media = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!op) {
      if (UNDOCUMENTED.some((re) => re.test(path))) return [];
      // CORS preflights are answered by the CORS plugin for every route.
      if (m === 'options' && res.status < 400) return [];
      // No operation: only an error is acceptable, in the one error shape.
      if (res.status < 400)
        return [`${res.status} for ${method.toUpperCase()} ${path}, which the document lacks`];
      return this.checkBody('/components/schemas/Problem', media, res, 'application/problem+json');
    }
    const where = `${op.method.toUpperCase()} ${op.template} (${op.op.operationId ?? '?'})`;
    const declared = op.op.responses[String(res.status)];
    if (!declared)
      return [
        `${where} answered ${res.status}, which it does not declare ` +
          `(declared: ${Object.keys(op.op.responses).join(', ')})` +
          (res.text ? `; body: ${res.text.slice(0, 300)}` : ''),
      ];
    const content = declared.content ?? {};
    const declaredMedia = Object.keys(content);
    if (declaredMedia.length === 0) {
      if (res.text) return [`${where} ${res.status} declares no body but sent one`];
      return [];
    }
    if (!declaredMedia.includes(media))
      return [
        `${where} ${res.status} sent content type "${media}", declared: ${declaredMedia.join(', ')}`,
      ];
    if (!isJson(media) || !content[media].schema) return []; // binary or text: the type is enough
    const ref = `/${pointer('paths', op.template, op.method, 'responses', String(res.status), 'content', media, 'schema')}`;
    return this.checkBody(ref, media, res, media).map((e) => `${where} ${res.status}: ${e}`);
  }

  private checkBody(ref: string, media: string, res: ObservedResponse, expected: string): string[] {
    if (media !== expected) return [`content type "${media}", expected ${expected}`];
    let body = res.body;
    if (res.text !== undefined && res.text !== '') {
      try {
        body = JSON.parse(res.text);
      } catch {
        return [`body is not JSON: ${res.text.slice(0, 200)}`];
      }
    }
    const validate = this.validator(ref);
    if (validate(body)) return [];
    return [
      `body does not match ${ref.split('/').slice(-1)[0] === 'schema' ? 'the declared schema' : ref}: ` +
        this.ajv.errorsText(validate.errors, { separator: '; ' }) +
        `; body: ${JSON.stringify(body).slice(0, 500)}`,
    ];
  }
}

let shared: Contract | undefined;
/** One Contract per test file (compiling the schemas takes a moment). */
export const contract = (): Contract => (shared ??= new Contract());
