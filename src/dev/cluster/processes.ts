// The cluster's child processes. Each runs in its own process group (a Ctrl-C in the terminal reaches
// only the orchestrator, which stops them in order) and writes straight into its own log file (no pipe
// through us, so a busy child never waits on the orchestrator). Node children are started as
// `node --import tsx <entry>`: no npm or tsx CLI in between, so a signal, SIGKILL included, reaches the
// real process. APIs and workers are restarted when they exit on their own (a process manager's job in
// production); the Temporal server and PostgreSQL are not: their death is reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Restart when it exits without being asked to (backoff 0.5 s doubling to 5 s). */
  restart: boolean;
  /** How it is asked to stop, and how long it gets before SIGKILL. */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
  /** Resolves once the process serves; rejects (or times out) otherwise. */
  ready?: (child: ChildProcess) => Promise<void>;
  readyTimeoutMs?: number;
}

export type ProcessEvent =
  | { kind: 'exit'; name: string; pid: number; code: number | null; signal: NodeJS.Signals | null; expected: boolean }
  | { kind: 'restart'; name: string; pid: number; attempt: number }
  | { kind: 'ready'; name: string; pid: number; afterMs: number }
  | { kind: 'not-ready'; name: string; pid: number; error: string };

export function tailOf(file: string, chars = 3000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.slice(-chars);
  } catch {
    return '';
  }
}

export class Supervised {
  child?: ChildProcess;
  /** Times it was started, first start included. */
  starts = 0;
  /** The current process passed its readiness probe (always true for a process without one). */
  ready = false;
  private stopping = false;
  private exited?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private consecutiveFailures = 0;

  constructor(
    readonly spec: ProcessSpec,
    private readonly onEvent: (event: ProcessEvent) => void = () => undefined,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts it and waits until it is ready. A process that dies before that is an error. */
  async start(): Promise<void> {
    this.stopping = false;
    const child = this.spawn();
    if (!this.spec.ready) {
      this.ready = true;
      return;
    }
    const died = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(
          new Error(
            `${this.name} exited (${signal ?? code}) while starting; the end of ${this.spec.logFile}:\n${tailOf(this.spec.logFile)}`,
          ),
        ),
      ),
    );
    died.catch(() => undefined);
    const timeoutMs = this.spec.readyTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.name} was not ready within ${timeoutMs / 1000}s; the end of ${this.spec.logFile}:\n${tailOf(this.spec.logFile)}`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.spec.ready(child), died, timeout]);
      if (this.child === child) this.ready = true;
    } finally {
      clearTimeout(timer);
    }
  }

  private spawn(): ChildProcess {
    mkdirSync(dirname(this.spec.logFile), { recursive: true });
    const log = openSync(this.spec.logFile, 'a');
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: this.spec.env ?? process.env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    this.child = child;
    this.ready = false;
    this.starts += 1;
    const startedAt = Date.now();
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        const expected = this.stopping;
        this.onEvent({ kind: 'exit', name: this.name, pid: child.pid ?? 0, code, signal, expected });
        if (!expected && this.spec.restart) this.scheduleRestart(Date.now() - startedAt);
        done();
      });
    });
    child.once('error', () => undefined);
    return child;
  }

  private scheduleRestart(ranForMs: number): void {
    this.consecutiveFailures = ranForMs > 10_000 ? 1 : this.consecutiveFailures + 1;
    const delay = Math.min(500 * 2 ** (this.consecutiveFailures - 1), 5_000);
    // A SIGKILLed worker comes back at once: the first restart has no delay.
    this.restartTimer = setTimeout(
      () => {
        this.restartTimer = undefined;
        if (this.stopping) return;
        const child = this.spawn();
        const restartedAt = Date.now();
        this.onEvent({ kind: 'restart', name: this.name, pid: child.pid ?? 0, attempt: this.consecutiveFailures });
        if (!this.spec.ready) {
          this.ready = true;
          return;
        }
        this.spec.ready(child).then(
          () => {
            if (this.child !== child || !this.running) return;
            this.ready = true;
            this.onEvent({ kind: 'ready', name: this.name, pid: child.pid ?? 0, afterMs: Date.now() - restartedAt });
          },
          (error: unknown) => {
            if (this.child === child && this.running)
              this.onEvent({ kind: 'not-ready', name: this.name, pid: child.pid ?? 0, error: String(error) });
          },
        );
      },
      this.consecutiveFailures === 1 ? 0 : delay,
    );
  }

  /** Sends a signal without stopping supervision: a SIGKILLed worker is restarted. */
  kill(signal: NodeJS.Signals): boolean {
    return this.running ? this.child!.kill(signal) : false;
  }

  /** Asks it to stop (its stop signal), waits, then SIGKILL after the timeout. No restart afterwards. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    if (!this.running) return;
    const child = this.child!;
    child.kill(this.spec.stopSignal ?? 'SIGTERM');
    const timeoutMs = this.spec.stopTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const forced = await Promise.race([
      this.exited!.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (forced) {
      child.kill('SIGKILL');
      await this.exited;
    }
  }

  /** For a second Ctrl-C or a crash of the orchestrator: no waiting. */
  forceKill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.running) this.child!.kill(signal);
  }

  /** Waits for the current process to exit (after a kill). */
  async waitForExit(): Promise<void> {
    await this.exited;
  }
}
