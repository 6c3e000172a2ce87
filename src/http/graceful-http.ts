import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * On shutdown, stop accepting connections and let in-flight requests finish *before* the
 * database pool closes (Nest closes modules first and the HTTP server last).
 */
@Injectable()
export class GracefulHttp implements BeforeApplicationShutdown {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async beforeApplicationShutdown(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify?.server.listening) await fastify.close();
  }
}
