// npm run build: compiles into dist/ in place and never empties it first, so a server running
// from dist/ keeps its files while another build runs (the former `rm -rf dist && tsc` left it
// without them for the length of a build, and a lazily loaded module — a render worker — failed).
// - Nothing newer than the last build: nothing is compiled (seed:demo and start run at once).
// - Otherwise tsc compiles incrementally (its state is dist/.tsbuildinfo: deleting dist/
//   rebuilds all), rewriting only what changed, and then the compiled files whose source is
//   gone are removed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';

const OUT = 'dist';
const BUILD_INFO = path.join(OUT, '.tsbuildinfo');
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

function newestSource() {
  let newest = 0;
  for (const file of [...SOURCES.flatMap((d) => [...files(d)]), ...CONFIG]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

if (existsSync(BUILD_INFO) && statSync(BUILD_INFO).mtimeMs > newestSource()) {
  console.error('build: dist/ is current');
  process.exit(0);
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
  const match = /^(.*)\.js(\.map)?$/.exec(path.relative(OUT, file));
  if (match && !existsSync(`${match[1]}.ts`)) {
    unlinkSync(file);
    removed += 1;
  }
}
if (removed > 0) console.error(`build: removed ${removed} compiled file(s) whose source is gone`);
