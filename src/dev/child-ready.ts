// Waiting for a server this machine just spawned (the Temporal dev server, the Temporal UI server,
// PostgreSQL) and stopping it again: one loop for "up, exited, or too slow", and one polite stop.
import type { ChildProcess } from 'node:child_process';

export interface SpawnedServer {
  child: ChildProcess;
  /** The exit code once it has exited (registered right after spawning, so an early exit is not missed). */
  exited: Promise<number | null>;
  /** Its name in messages, e.g. "the Temporal dev server". */
  name: string;
  /** Its recent output, shown when it fails. */
  output: () => string;
}

/** The exit code of `child` once it exits. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/**
 * Polls `ready` every 200 ms until it answers true. Throws, with the server's recent output, when it exits
 * first or when `timeoutMs` passes (killing it then: nobody would stop it otherwise). `readyMeans` finishes
 * "did not ... within N s", e.g. "open port 7233".
 */
export async function waitUntilReady(
  { child, exited, name, output }: SpawnedServer,
  ready: () => Promise<boolean>,
  readyMeans: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 200))]);
    if (code !== undefined) throw new Error(`${name} exited (${code}):\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not ${readyMeans} within ${timeoutMs / 1000}s:\n${output()}`);
    }
  }
}

/** SIGTERM, and SIGKILL if it is still running after `killAfterMs`; resolves once it has exited. */
export async function stopGently({ child, exited }: Pick<SpawnedServer, 'child' | 'exited'>, killAfterMs: number): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  await exited;
  clearTimeout(timer);
}
