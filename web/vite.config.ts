import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const under = (pattern: string) => new RegExp(pattern.replaceAll('/', '[\\\\/]'));

// Built into dist/web and served by the API process itself (src/http/web-app.ts).
export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // The app shell, installed by a service worker (Workbox) at the first visit: the page comes
    // from the phone's cache on every later visit, and each hashed script or stylesheet from its
    // cache once fetched, so 今日 waits only for the session and its data. Only what a browser
    // has fetched is kept (a phone never downloads the desk's kit for it); nothing of a user is
    // cached, no API answer, only the app's own files. A new build is taken at once (skipWaiting,
    // clientsClaim) and shown at the next page load. src/http/web-app.ts serves sw.js uncached.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by an inline script (allowed by its hash): no request of its own.
      injectRegister: 'inline',
      manifest: false,
      workbox: {
        globPatterns: ['index.html'],
        navigateFallback: '/index.html',
        // The server's own paths are never the app (web-app.ts SERVER_PATHS).
        navigateFallbackDenylist: [/^\/(api|health|metrics|admin\/queues)(\/|$)/],
        runtimeCaching: [
          {
            // Hashed names: a file never changes, so the cache answers first.
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'app-assets' },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: '../dist/web',
    // A server running from dist/ keeps serving while a build runs; scripts/build.js prunes
    // the assets of earlier builds afterwards.
    emptyOutDir: false,
    manifest: true,
    // The only inline script is index.html's own, allowed by its hash (src/http/web-app.ts).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Few requests for a first screen: a phone on a slow network opens at most six
        // connections, and a seventh request (the session's refresh) waits for one of them.
        codeSplitting: {
          groups: [
            // What every screen runs on: React, the router, TanStack Query, the API client, the
            // session, the app's frame and the small parts every role's screens share.
            {
              name: 'framework',
              test: under(
                '(rolldown/runtime|node_modules/(react|react-dom|react-router|scheduler|cookie|set-cookie-parser|@tanstack/[^/]+|openapi-fetch)/|web/src/(app/|api/|ui/[^/]+\\.tsx?$))',
              ),
              priority: 40,
            },
            // What the phone keeps offline (Dexie and web/src/offline/): its own chunk with no
            // stylesheet, so the session code can ask for it without bringing the phone's styles
            // to a desk.
            {
              name: 'offline',
              test: under('(node_modules/dexie/|web/src/offline/)'),
              priority: 30,
            },
            // The mediator's phone kit as 今日 needs it, and 今日 itself.
            {
              name: 'mediator',
              test: under(
                'web/src/(ui/phone/|mediator/(routes\\.tsx|today/|sessions/drafts|common/(Screen|CaseCard|DaysLeft|queries|labels|elder|time|types)\\.))',
              ),
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
