import { ServiceUnavailableException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { DomainError, notFound, validationFailed } from './domain-error.js';
import { installServiceMessages } from '../../messages.js';
import { toProblem } from './problem.filter.js';

describe('toProblem', () => {
  beforeAll(() => installServiceMessages());

  it('maps domain errors by kind, keeping their code and fields', () => {
    expect(toProblem(notFound('Case'), 'r1').problem).toMatchObject({
      status: 404,
      code: 'CASE.NOT_FOUND',
      requestId: 'r1',
    });
    const v = toProblem(
      validationFailed([{ field: 'parties.0.idNumber', code: 'ID_NUMBER.CHECKSUM' }]),
      'r2',
    ).problem;
    expect(v).toMatchObject({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [{ field: 'parties.0.idNumber' }],
    });
    expect(
      toProblem(new DomainError('CASE.VERSION_CONFLICT', 'conflict', { current: 3 }), 'r').problem
        .status,
    ).toBe(409);
  });

  it('turns an unknown error into a 500 that names the request and nothing else', () => {
    const { problem } = toProblem(
      new Error('relation "secret_table" does not exist at /srv/app.js:12'),
      'req-9',
    );
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', requestId: 'req-9' });
    expect(JSON.stringify(problem)).not.toMatch(/secret_table|app\.js/);
  });

  it('answers a database outage with 503 and Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const shutdown = Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    );
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    // What `npm run chaos:pg` saw besides: sockets cut by the stopping server, a transaction
    // whose connection died under it, a client reused after its connection failed.
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const released = new QueryRunnerAlreadyReleasedError();
    const providerReleased = new QueryRunnerProviderAlreadyReleasedError();
    const dead = new Error('Client has encountered a connection error and is not queryable');
    for (const error of [refused, shutdown, poolTimeout, reset, released, providerReleased, dead]) {
      const { problem, retryAfter } = toProblem(error, 'r');
      expect(problem).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
      expect(retryAfter).toBeGreaterThan(0);
    }
  });

  it('answers a failed readiness check with 503 problem+json naming the dependency', () => {
    const error = new ServiceUnavailableException({
      status: 'error',
      info: { redis: { status: 'up' } },
      error: { postgres: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' } },
    });
    const { problem, retryAfter } = toProblem(error, 'r');
    expect(problem).toMatchObject({
      status: 503,
      code: 'SERVICE.UNAVAILABLE',
      detail: '服务尚未就绪：postgres 不可用',
    });
    expect(JSON.stringify(problem)).not.toContain('ECONNREFUSED');
    expect(retryAfter).toBeGreaterThan(0);
  });

  it('answers invalid values that reached the database with 400, not 500', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
      code: '22P02',
    });
    const error = new QueryFailedError('SELECT 1', [], driverError);
    expect(toProblem(error, 'r').problem).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(JSON.stringify(toProblem(error, 'r').problem)).not.toContain('SELECT');
  });
});
