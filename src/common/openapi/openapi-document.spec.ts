import { readFileSync } from 'node:fs';
import { API_TAGS } from './document.js';

/**
 * What a generated client needs of every operation in the committed openapi.json (which the
 * http e2e test keeps equal to the code's): a route added without @ApiDoc fails here.
 */
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: unknown; examples?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

const doc = JSON.parse(readFileSync('openapi.json', 'utf8')) as {
  servers?: unknown[];
  security?: unknown[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
const han = /[\u4e00-\u9fff]/;

describe('openapi.json', () => {
  it('has servers, bearer security at the root and every tag it uses defined', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.tags?.map((t) => t.name).sort()).toEqual(Object.keys(API_TAGS).sort());
    for (const op of operations) {
      for (const tag of op.tags ?? []) expect(Object.keys(API_TAGS)).toContain(tag);
    }
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s: Chinese summary and description, a typed 2xx, problem+json errors, a request example',
    (_id, op) => {
      expect(op.summary).toMatch(han);
      expect(op.description).toMatch(han);
      expect(op.tags?.length).toBe(1);
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      // One success answer; an upload the server may hold already (a scan sent again) answers
      // 201 when stored or 200 with the stored one, both typed.
      const statuses = success.map(([status]) => status);
      expect(statuses.length === 1 || statuses.join() === '200,201').toBe(true);
      for (const [status, response] of success) {
        if (status === '204') expect(response.content).toBeUndefined();
        else {
          expect(Object.keys(response.content ?? {}).length).toBeGreaterThan(0);
          for (const media of Object.values(response.content ?? {}))
            expect(media.schema).toBeDefined();
        }
      }
      const errors = Object.entries(op.responses).filter(([s]) => /^[45]/.test(s));
      expect(errors.map(([s]) => s)).toEqual(expect.arrayContaining(['400', '503']));
      for (const [, error] of errors) {
        expect(Object.keys(error.content ?? {})).toEqual(['application/problem+json']);
      }
      if (op.security === undefined) expect(errors.map(([s]) => s)).toContain('401');
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        expect(media.examples).toBeDefined();
      }
    },
  );
});
