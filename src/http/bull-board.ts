import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestCode } from '../common/i18n/common.codes.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { loadSessionUser } from '../modules/auth/session-lookup.js';
import { TokenService } from '../modules/auth/token.service.js';
import { QueueService } from '../queue/queue.service.js';
import { DataSource } from 'typeorm';
import { contextOf } from '../common/context/request-context.js';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins only, over this deployment's queues (its prefix): a Bearer access token of an admin, or HTTP Basic with an admin's
 * username and password (so a browser can open it; the same lockout applies).
 */
export async function mountBullBoard(
  app: INestApplication,
  fastify: FastifyInstance,
): Promise<void> {
  const queues = app.get(QueueService);
  const tokens = app.get(TokenService);
  const auth = app.get(AuthService);
  const dataSource = app.get(DataSource);

  const isAdmin = async (request: FastifyRequest): Promise<boolean> => {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer (\S+)$/.exec(header);
    if (bearer) {
      const claims = await tokens.verifyAccess(bearer[1]);
      const user = claims ? await loadSessionUser(dataSource, claims.sub, claims.sid) : null;
      return user?.role === 'admin';
    }
    const basic = /^Basic (\S+)$/.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1) return false;
      try {
        const user = await auth.verifyCredentials(
          contextOf(request),
          decoded.slice(0, colon),
          decoded.slice(colon + 1),
        );
        return user.role === 'admin';
      } catch {
        return false;
      }
    }
    return false;
  };

  // The queues' prefix is this deployment's, known once the modules are initialised.
  await app.init();
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.allQueues().map((q) => new BullMQAdapter(q)), serverAdapter });

  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (await isAdmin(request)) return;
        await reply
          .status(401)
          .header('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"')
          .header('Content-Type', 'application/problem+json')
          .send({
            type: 'https://mediation.example/problems/auth-unauthenticated',
            title: 'Unauthorized',
            status: 401,
            code: RequestCode.AuthUnauthenticated,
            detail: 'Admins only',
            requestId: String(request.id),
          });
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BULL_BOARD_PATH },
  );
}
