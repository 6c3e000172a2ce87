import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { openSync } from 'node:fs';

const WORKER = 'dist/src/worker.js';

/**
 * The compiled worker, current with the sources: `npm run build` compiles what changed and does
 * nothing when dist/ is current (CI has just built it).
 */
export function ensureBuiltWorker(): void {
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
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
