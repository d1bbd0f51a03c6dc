// A real worker process (`node --import tsx src/worker.ts`, no wrapper), configured like production but
// pointed at a test relay's sandbox and task queue: what a crash test kills with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eachIntegration } from '../../src/integrations';
import type { TestRelay } from './relay';
import { testTemporalAddress } from './temporal';

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logs that it runs. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** What it printed so far (stdout and stderr). */
  output(): string;
}

/** The environment a process of this relay needs: its queue, Lever and every partner at the sandbox. */
export function relayEnv(relay: TestRelay, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: testTemporalAddress(),
    RELAY_TASK_QUEUE: relay.config.temporal.taskQueue,
    SANDBOX_ENABLED: 'true',
    LEVER_API_BASE_URL: relay.config.lever.baseUrl,
    API_PUBLIC_URL: relay.apiUrl,
    LEVER_SWEEP_INTERVAL: 'off',
    ISSUES_EVALUATION_INTERVAL: 'off',
    LOG_LEVEL: 'info',
    // No metrics endpoint unless a test asks for one (several workers would contend for the port).
    WORKER_METRICS_PORT: 'off',
    ...extra,
  };
  for (const [key] of eachIntegration()) env[`${prefixOf(key)}_BASE_URL`] = relay.config[key].baseUrl;
  return env;
}

/** `techInterview` -> `TECH_INTERVIEW`: the prefix of an integration's variables. */
function prefixOf(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function startWorkerProcess(relay: TestRelay, extra: Record<string, string> = {}): WorkerProcess {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'worker.ts')], {
    cwd: root,
    env: relayEnv(relay, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`worker not running after 60s:\n${output}`)), 60_000).unref();
  });
  return { child, ready, exited, output: () => output };
}

/** SIGTERM (a drain), then waits for the exit. */
export async function stopWorkerProcess(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
  await worker.exited;
}

/** One of our command-line tools (`src/<script>`, e.g. `doctor.ts`) run as an operator runs it, against this relay. */
export function runRelayCli(
  relay: TestRelay,
  script: string,
  args: string[] = [],
  extra: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', script), ...args], {
    cwd: root,
    env: relayEnv(relay, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
