// Stops the test run's Temporal server, then checks that nothing the tests started is still running: a
// worker, API or CLI process of this checkout, or a Temporal server of a test. A leak fails the run.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { execFileSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const OURS = ['src/worker.ts', 'src/api.ts', 'src/start.ts', 'src/backfill.ts', 'src/setup.ts', 'src/doctor.ts', 'src/sandbox-cli.ts'].map(
  (f) => join(ROOT, f),
);

/** Processes still running that a test started: this checkout's entry points, and test Temporal servers. */
export function leftovers(): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => OURS.some((entry) => line.includes(entry)) || /temporal server start-dev .*lever-relay-(restart|bench)-/.test(line))
    .filter((line) => startedHere(Number.parseInt(line, 10)));
}

/** Whether a process runs in this checkout: other checkouts on the same machine run their own tests and benchmarks. */
function startedHere(pid: number): boolean {
  try {
    return `${readlinkSync(`/proc/${pid}/cwd`)}/`.startsWith(`${ROOT}/`);
  } catch {
    // Gone meanwhile, or not ours to inspect: only a process we could see counts.
    return existsSync(`/proc/${pid}`) && !existsSync('/proc/self/cwd');
  }
}

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __temporalEnv?: TestWorkflowEnvironment }).__temporalEnv?.teardown();
  // A process told to stop may take a moment to go.
  let left = leftovers();
  for (let i = 0; i < 20 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    left = leftovers();
  }
  if (left.length > 0) throw new Error(`the tests left processes running:\n${left.join('\n')}`);
}
