// npm run build: compiles into dist/ in place and never empties it first, so a server running
// from dist/ keeps its files while another build runs (the former `rm -rf dist && tsc` left it
// without them for the length of a build, and a lazily loaded module — a render worker — failed).
// - Nothing newer than the last build: nothing is compiled (seed:demo and start run at once).
// - The web app (web/, Vite) builds into dist/web the same way: only when a source of it is
//   newer than its last build; the hashed assets of earlier builds are removed afterwards, and
//   the text assets are written compressed beside themselves (.br, .gz).
// - Otherwise tsc compiles incrementally (its state is dist/.tsbuildinfo: deleting dist/
//   rebuilds all), rewriting only what changed, and then the compiled files whose source is
//   gone are removed.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const OUT = 'dist';
const BUILD_INFO = path.join(OUT, '.tsbuildinfo');
const WEB_OUT = path.join(OUT, 'web');
// bench/ imports test/support/, so tsc compiles those too.
const SOURCES = ['src', 'migrations', 'bench', 'test/support'];
const CONFIG = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function newestSource(sources = SOURCES, config = CONFIG) {
  let newest = 0;
  for (const file of [...sources.flatMap((d) => [...files(d)]), ...config]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

buildWeb();

if (existsSync(BUILD_INFO) && statSync(BUILD_INFO).mtimeMs > newestSource()) {
  console.error('build: dist/ is current');
  process.exit(0);
}

function buildWeb() {
  const manifest = path.join(WEB_OUT, '.vite', 'manifest.json');
  const sources = [path.join('web', 'src'), path.join('web', 'public')];
  const config = [path.join('web', 'index.html'), path.join('web', 'vite.config.ts'), ...CONFIG];
  if (existsSync(manifest) && statSync(manifest).mtimeMs > newestSource(sources, config)) {
    console.error('build: dist/web is current');
    return;
  }
  // The build's start: a source edited while Vite runs is newer than the build and is built next time.
  const started = new Date();
  try {
    execFileSync(
      'node_modules/.bin/vite',
      ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    process.exit(1);
  }
  utimesSync(manifest, started, started);
  // Every file this build wrote is named in its manifest; older hashed files go.
  const kept = new Set();
  for (const chunk of Object.values(JSON.parse(readFileSync(manifest, 'utf8')))) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) kept.add(file);
  }
  for (const file of files(path.join(WEB_OUT, 'assets'))) {
    const name = path.relative(WEB_OUT, file).split(path.sep).join('/');
    if (!kept.has(name.replace(/\.(br|gz)$/, ''))) unlinkSync(file);
  }
  // The service worker's Workbox runtime: only the one the new sw.js loads.
  const worker = readFileSync(path.join(WEB_OUT, 'sw.js'), 'utf8');
  for (const name of readdirSync(WEB_OUT)) {
    if (/^workbox-[0-9a-f]+\.js$/.test(name) && !worker.includes(name.replace(/\.js$/, '')))
      unlinkSync(path.join(WEB_OUT, name));
  }
  // Text assets also as .br and .gz beside them, served by @fastify/static's preCompressed: a
  // phone on a slow network downloads a third of the bytes, and nothing is compressed per request.
  for (const file of files(path.join(WEB_OUT, 'assets'))) {
    if (!/\.(js|css|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
    const bytes = readFileSync(file);
    if (!existsSync(`${file}.br`))
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    if (!existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

try {
  execFileSync(
    'node_modules/.bin/tsc',
    ['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO],
    { stdio: 'inherit' },
  );
} catch {
  process.exit(1);
}
// tsc leaves its state file alone when no source changed in content: mark the build's time.
const now = new Date();
utimesSync(BUILD_INFO, now, now);

// dist/src/x.js and dist/src/x.js.map come from src/x.ts (rootDir is the project).
let removed = 0;
for (const file of files(OUT)) {
  if (file.startsWith(WEB_OUT + path.sep)) continue; // the web app's, built by Vite
  const match = /^(.*)\.js(\.map)?$/.exec(path.relative(OUT, file));
  if (match && !existsSync(`${match[1]}.ts`)) {
    unlinkSync(file);
    removed += 1;
  }
}
if (removed > 0) console.error(`build: removed ${removed} compiled file(s) whose source is gone`);
