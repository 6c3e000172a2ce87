import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
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
