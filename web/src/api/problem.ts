import type { components } from './schema';

/** A code the API answers with: openapi.json lists them all (its `ErrorCode` schema). */
export type ErrorCode = components['schemas']['ErrorCode'];

/**
 * A problem as the app handles it: the API's, or one made up here for a call that failed without
 * problem+json (`NETWORK.FAILED`, or `HTTP.<status>` from a proxy), codes the API does not have.
 */
export type Problem = Omit<components['schemas']['Problem'], 'code'> & {
  code: ErrorCode | 'NETWORK.FAILED' | `HTTP.${number}`;
};
export type FieldError = components['schemas']['FieldError'];

/** A failed call, carrying the API's problem+json. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiProblem';
  }
}

/** The problem of a failed call; a made-up one when the body was not problem+json. */
export function problemOf(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'code' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: 'Error',
    status,
    code: status === 0 ? 'NETWORK.FAILED' : `HTTP.${status}`,
    detail: '',
    requestId: '',
  };
}
