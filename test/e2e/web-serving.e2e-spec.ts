import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { mountWebApp, WEB_CSP } from '../../src/http/web-app.js';

/** The built web app served at `/`: hashed assets cached for good, index.html never. */
describe('web app serving (e2e)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'web-'));
  const app = Fastify();

  beforeAll(async () => {
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    const big = 'console.log("长辈版");\n'.repeat(200);
    writeFileSync(path.join(root, 'assets', 'big-def456.js'), big);
    writeFileSync(path.join(root, 'assets', 'big-def456.js.br'), brotliCompressSync(big));
    writeFileSync(path.join(root, 'assets', 'big-def456.js.gz'), gzipSync(big));
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
      expect(res.headers['content-security-policy']).toBe(WEB_CSP);
      expect(WEB_CSP).toMatch(/script-src 'self';/);
      expect(WEB_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.body).toContain('<div id="root">');
    },
  );

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
