import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendFrameworkError } from '../common/errors/problem.filter.js';

/** The service worker's files Vite's PWA plugin writes beside index.html (web/vite.config.ts). */
const SERVICE_WORKER_FILES = /^\/(sw|registerSW|workbox-[0-9a-f]+)\.js$/;

/** Paths the web app never answers: an unknown one there is the API's 404 problem. */
const SERVER_PATHS = /^\/(api|health|metrics|admin\/queues)(\/|$)/;

/**
 * Content Security Policy of the app's page: no foreign script, and no inline script but the
 * ones index.html itself carries, each allowed by its SHA-256 (the early session restore);
 * inline styles only because antd and antd-mobile write their CSS-in-JS into <style> tags.
 * `blob:` frames and objects show a PDF fetched with the access token.
 */
export function webCsp(scriptHashes: readonly string[] = []): string {
  const scripts = ["'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)].join(' ');
  return [
    `default-src 'self'`,
    `script-src ${scripts}`,
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
}

/** SHA-256 (base64) of each inline <script> of a page, as CSP's hash sources name them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1].trim()) hashes.push(createHash('sha256').update(match[1]).digest('base64'));
  }
  return hashes;
}

/**
 * Each role's first screen: its routes module, and the page its home path shows. The page a
 * role opens on is sent with `<link rel="modulepreload">` for every chunk these need (read from
 * Vite's manifest), so a phone on a slow network fetches them all at once, in the same round
 * trip as the entry script, instead of discovering them one import at a time.
 */
const FIRST_SCREENS: Record<string, { routes: string; home: string }> = {
  mediator: { routes: 'src/mediator/routes.tsx', home: 'src/mediator/today/TodayPage.tsx' },
  clerk: { routes: 'src/clerk/routes.tsx', home: 'src/clerk/queue/QueuePage.tsx' },
  supervisor: {
    routes: 'src/supervisor/routes.tsx',
    home: 'src/supervisor/dashboard/DashboardPage.tsx',
  },
  admin: { routes: 'src/admin/routes.tsx', home: 'src/admin/HomePage.tsx' },
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * The scripts and styles the modules need before they run, beyond what index.html already loads
 * (the entry and its static imports): their static imports, transitively. A module the build
 * put into a code-splitting group (web/vite.config.ts) has no key of its own in the manifest: it
 * is in the chunk named after the role.
 */
export function chunkClosure(
  manifest: Record<string, ManifestChunk>,
  modules: readonly string[],
  role: string,
): { scripts: string[]; styles: string[] } {
  const loaded = new Set<string>();
  const walk = (key: string, into: Set<string>): void => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) walk(imported, into);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key, loaded);
  const group = Object.keys(manifest).find(
    (key) => key.startsWith(`_${role}-`) && key.endsWith('.js'),
  );
  const seen = new Set<string>();
  const scripts: string[] = [];
  const styles: string[] = [];
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || loaded.has(key) || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
    scripts.push(chunk.file);
    styles.push(...(chunk.css ?? []));
  };
  for (const module of modules) visit(manifest[module] ? module : (group ?? module));
  return { scripts, styles: [...new Set(styles)] };
}

/** index.html for a path: the role's first-screen chunks preloaded, and the page's CSP. */
export class WebPages {
  private built: { mtimeMs: number; pages: Map<string, { html: string; csp: string }> } | null =
    null;

  constructor(private readonly root: string) {}

  page(pathname: string): { html: string; csp: string } | null {
    const index = path.join(this.root, 'index.html');
    if (!existsSync(index)) return null;
    const manifestFile = path.join(this.root, '.vite', 'manifest.json');
    const mtimeMs = Math.max(
      statSync(index).mtimeMs,
      existsSync(manifestFile) ? statSync(manifestFile).mtimeMs : 0,
    );
    // A new build is picked up at once (index.html is never cached by the browser either).
    if (this.built?.mtimeMs !== mtimeMs) this.built = { mtimeMs, pages: new Map() };
    const [, role = '', rest = ''] = /^\/([^/]*)(.*)$/.exec(pathname) ?? [];
    const screen = FIRST_SCREENS[role];
    const key = screen ? `${role}:${rest === '' || rest === '/' ? 'home' : 'other'}` : '';
    let page = this.built.pages.get(key);
    if (!page) {
      let html = readFileSync(index, 'utf8');
      if (screen && existsSync(manifestFile)) {
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
          string,
          ManifestChunk
        >;
        const keys = key.endsWith(':home') ? [screen.routes, screen.home] : [screen.routes];
        const { scripts, styles } = chunkClosure(manifest, keys, role);
        const links = [
          ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
          ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
        ];
        html = html.replace('</head>', `${links.join('')}</head>`);
      }
      page = { html, csp: webCsp(inlineScriptHashes(html)) };
      this.built.pages.set(key, page);
    }
    return page;
  }
}

/** dist/web: beside dist/src when compiled, dist/web from the sources (tests under ts-jest). */
export function webRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const compiled = here.split(path.sep).includes('dist');
  return path.resolve(here, compiled ? '../../web' : '../../dist/web');
}

/**
 * The web app at `/`: hashed files under /assets/ cached for a year (immutable), and every other
 * GET outside the API answered with index.html (WebPages: with the role's first-screen chunks
 * preloaded), never cached, so a new build is picked up at once.
 */
export async function mountWebApp(fastify: FastifyInstance, root = webRoot()): Promise<void> {
  const pages = new WebPages(root);
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
      // The service worker and its Workbox runtime live at the root (a worker's scope is its
      // folder); never cached by the browser, so a new build's worker is found at once.
      if (SERVICE_WORKER_FILES.test(pathname) && existsSync(path.join(root, pathname))) {
        return reply
          .header('Content-Type', 'text/javascript; charset=utf-8')
          .header('Cache-Control', 'no-cache')
          .send(await readFile(path.join(root, pathname)));
      }
      const page = pages.page(pathname);
      if (!page) return reply.callNotFound();
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', page.csp)
        .send(page.html);
    });
  });
}
