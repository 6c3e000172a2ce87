import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendFrameworkError } from '../common/errors/problem.filter.js';

/** Paths the web app never answers: an unknown one there is the API's 404 problem. */
const SERVER_PATHS = /^\/(api|health|metrics|admin\/queues)(\/|$)/;

/**
 * Content Security Policy of the app's page: no inline or foreign script (Vite emits none);
 * inline styles only because antd and antd-mobile write their CSS-in-JS into <style> tags.
 * `blob:` frames and objects show a PDF fetched with the access token.
 */
export const WEB_CSP = [
  `default-src 'self'`,
  `script-src 'self'`,
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data: blob:`,
  `font-src 'self' data:`,
  `connect-src 'self'`,
  `frame-src 'self' blob:`,
  `object-src 'self' blob:`,
  `script-src-attr 'none'`,
  `base-uri 'self'`,
  `form-action 'self'`,
  `frame-ancestors 'none'`,
].join('; ');

/** dist/web: beside dist/src when compiled, dist/web from the sources (tests under ts-jest). */
export function webRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const compiled = here.split(path.sep).includes('dist');
  return path.resolve(here, compiled ? '../../web' : '../../dist/web');
}

/**
 * The web app at `/`: hashed files under /assets/ cached for a year (immutable), and every other
 * GET outside the API answered with index.html, never cached, so a new build is picked up at once.
 */
export async function mountWebApp(fastify: FastifyInstance, root = webRoot()): Promise<void> {
  await fastify.register(async (instance) => {
    // Before the first `npm run build` of the web app there is nothing to serve.
    if (existsSync(path.join(root, 'assets')))
      await instance.register(fastifyStatic, {
        root: path.join(root, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        immutable: true,
        maxAge: '365d',
        // The build writes .br and .gz beside each text asset; sent when the browser takes them.
        preCompressed: true,
        // A cache between here and the browser keeps one copy per encoding.
        setHeaders: (res) => res.setHeader('Vary', 'Accept-Encoding'),
      });
    instance.get('/*', async (request, reply) => {
      const pathname = request.url.split('?')[0];
      if (SERVER_PATHS.test(pathname) || pathname.startsWith('/assets/')) {
        // The router falls back to this route when a path parameter is over its limit; answered
        // as it was before the app was mounted here.
        const limit = fastify.initialConfig.maxParamLength ?? 100;
        if (pathname.split('/').some((segment) => segment.length > limit)) {
          const error = Object.assign(new Error('A path parameter is longer than allowed'), {
            code: 'FST_ERR_MAX_PARAM_LENGTH',
            statusCode: 414,
          });
          return sendFrameworkError(error, request, reply);
        }
        return reply.callNotFound();
      }
      const index = path.join(root, 'index.html');
      if (!existsSync(index)) return reply.callNotFound();
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', WEB_CSP)
        .send(await readFile(index));
    });
  });
}
