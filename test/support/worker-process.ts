import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WORKER = 'dist/src/worker.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The compiled worker, rebuilt when any source is newer (CI has just built it). */
export function ensureBuiltWorker(): void {
  const built = existsSync(WORKER) ? statSync(WORKER).mtimeMs : 0;
  if (built < Math.max(newestMtime('src'), newestMtime('migrations'))) {
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  }
}

/** `node dist/src/worker.js` as its own process, which a test may SIGKILL. */
export function spawnWorker(env: Record<string, string>, logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  return spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
