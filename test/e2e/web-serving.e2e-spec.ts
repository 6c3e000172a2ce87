import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { mountWebApp } from '../../src/http/web-app.js';

const EARLY = "window.__sessionRestore = fetch('/api/v1/auth/refresh');";
const INDEX = `<!doctype html><html><head><script>${EARLY}</script></head><body><div id="root"></div><script type="module" crossorigin src="/assets/index-abc123.js"></script></body></html>`;
/** As Vite writes it: the entry, a role's routes and its home page with their static imports. */
const MANIFEST = {
  'index.html': {
    file: 'assets/index-abc123.js',
    isEntry: true,
    imports: ['_framework.js'],
    css: ['assets/index-1.css'],
  },
  '_framework.js': { file: 'assets/framework-f1.js' },
  // A role whose first screen a code-splitting group took whole: no key of its own.
  '_admin-a1.js': { file: 'assets/admin-a1.js', imports: ['_framework.js', '_desk.js'] },
  'src/mediator/routes.tsx': {
    file: 'assets/routes-m1.js',
    imports: ['index.html', '_phone-kit.js'],
    css: ['assets/routes-m1.css'],
  },
  '_phone-kit.js': { file: 'assets/phone-kit-p1.js', imports: ['index.html'] },
  'src/mediator/today/TodayPage.tsx': {
    file: 'assets/TodayPage-t1.js',
    imports: ['src/mediator/routes.tsx', '_phone-kit.js', '_queries.js', '_framework.js'],
  },
  '_queries.js': { file: 'assets/queries-q1.js', imports: ['index.html'] },
  'src/clerk/routes.tsx': { file: 'assets/routes-c1.js', imports: ['index.html', '_desk.js'] },
  '_desk.js': { file: 'assets/desk-d1.js' },
  'src/clerk/queue/QueuePage.tsx': { file: 'assets/QueuePage-c2.js', imports: ['_desk.js'] },
};
const preloads = (html: string): string[] =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
const EARLY_HASH = createHash('sha256').update(EARLY).digest('base64');

/** The built web app served at `/`: hashed assets cached for good, index.html never. */
describe('web app serving (e2e)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'web-'));
  const app = Fastify();

  beforeAll(async () => {
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), INDEX);
    mkdirSync(path.join(root, '.vite'));
    writeFileSync(path.join(root, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    const big = 'console.log("长辈版");\n'.repeat(200);
    writeFileSync(path.join(root, 'assets', 'big-def456.js'), big);
    writeFileSync(path.join(root, 'assets', 'big-def456.js.br'), brotliCompressSync(big));
    writeFileSync(path.join(root, 'assets', 'big-def456.js.gz'), gzipSync(big));
    writeFileSync(path.join(root, 'sw.js'), 'self.skipWaiting()');
    writeFileSync(path.join(root, 'workbox-0a1b2c3d.js'), 'define([], () => {})');
    app.get('/api/v1/ping', async () => ({ ok: true }));
    await mountWebApp(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/login', '/clerk/cases/123', '/admin', '/admin/users?page=2'])(
    'GET %s falls back to index.html, no-cache, with the strict CSP',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      // Only the page's own inline script, by its hash: nothing injected could run.
      expect(csp).toContain(`script-src 'self' 'sha256-${EARLY_HASH}';`);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain(`script-src-attr 'none'`);
      expect(res.body).toContain('<div id="root">');
    },
  );

  it("a role's home preloads the chunks of its first screen, each once, never what the entry loads", async () => {
    const res = await app.inject({ method: 'GET', url: '/mediator' });
    expect(preloads(res.body)).toEqual([
      '/assets/phone-kit-p1.js',
      '/assets/routes-m1.js',
      '/assets/queries-q1.js',
      '/assets/TodayPage-t1.js',
    ]);
    expect(res.body).toContain('<link rel="stylesheet" crossorigin href="/assets/routes-m1.css">');
    // In the head, so the browser fetches them at once, beside the entry script.
    expect(res.body.indexOf('modulepreload')).toBeLessThan(res.body.indexOf('</head>'));
    expect(res.headers['content-security-policy']).toContain(`'sha256-${EARLY_HASH}'`);
  });

  it("a deeper page of a role preloads its routes only; the desk's never reach a phone page", async () => {
    const deeper = await app.inject({ method: 'GET', url: '/mediator/cases/123' });
    expect(preloads(deeper.body)).toEqual(['/assets/phone-kit-p1.js', '/assets/routes-m1.js']);
    const clerk = await app.inject({ method: 'GET', url: '/clerk/' });
    expect(preloads(clerk.body)).toEqual([
      '/assets/desk-d1.js',
      '/assets/routes-c1.js',
      '/assets/QueuePage-c2.js',
    ]);
    for (const url of ['/mediator', '/mediator/cases/1']) {
      const phone = await app.inject({ method: 'GET', url });
      expect(phone.body).not.toContain('desk-d1.js');
    }
  });

  it('a role whose first screen is one group chunk preloads that chunk and what it imports', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin' });
    expect(preloads(res.body)).toEqual(['/assets/desk-d1.js', '/assets/admin-a1.js']);
  });

  it.each(['/', '/login', '/nobody/here'])('%s preloads nothing (no role yet)', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(preloads(res.body)).toEqual([]);
  });

  it.each(['/sw.js', '/workbox-0a1b2c3d.js'])(
    'serves the service worker file %s as script, never cached (a new build is found at once)',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).not.toContain('<div id="root">');
    },
  );

  it('a worker file the build did not write is the app page, not a script', async () => {
    const res = await app.inject({ method: 'GET', url: '/workbox-ffffffff.js' });
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ])(
    'sends the compressed file written beside an asset (Accept-Encoding: %s)',
    async (accept, encoding) => {
      const res = await app.inject({
        method: 'GET',
        url: '/assets/big-def456.js',
        headers: { 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.length).toBeLessThan(1000);
    },
  );

  it('sends an asset as it is to a client that takes no compression', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/big-def456.js' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toContain('长辈版');
  });

  it.each([
    '/api/v1/nothing',
    '/api',
    '/health/nothing',
    '/metrics/x',
    '/admin/queues/x',
    '/assets/gone.js',
  ])('GET %s is not the app (404)', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
  });

  it('leaves the API routes alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/ping' });
    expect(res.json()).toEqual({ ok: true });
  });
});
