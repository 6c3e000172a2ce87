import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/web and served by the API process itself (src/http/web-app.ts).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    // A server running from dist/ keeps serving while a build runs; scripts/build.js prunes
    // the assets of earlier builds afterwards.
    emptyOutDir: false,
    manifest: true,
    // No inline script anywhere: the page's CSP is `script-src 'self'`.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
