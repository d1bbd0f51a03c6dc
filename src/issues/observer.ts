// What one process (a worker or an API) sees that no visibility count can tell, reported to the issues
// workflow once per evaluation interval when there is something to say: Lever's 429s and every service's
// failures and answers (from each HTTP call the process's clients make: `observeCall` sits beside the
// metrics' observer), and partner callbacks refused for a bad signature (the API's partner ingress).
// A failed report is not retried: its counts are carried into the next one.
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CallObservation } from '../http/json-client';
import { saysSomething, type ObservationReport, type ServiceFailing } from './observed';
import { sendObservations } from './signal';

/** Statuses that mean "try again later" (DESIGN rule 4): what a retrying activity sees while a service is down. */
export function isRetryableFailure(status: CallObservation['status']): boolean {
  return status === 'network' || status === 429 || status === 408 || status >= 500;
}

export interface ProcessObserverOptions {
  client: Client;
  taskQueue: string;
  /** ISSUES_OBSERVATION_WINDOW: how long reports count, and how long a failure is remembered without a new one. */
  windowMs: number;
  now?: () => number;
}

export class ProcessObserver {
  readonly source = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private leverRateLimited = 0;
  private callbacksRefused: Record<string, number> = {};
  private readonly failing = new Map<string, ServiceFailing>();
  /** Services that answered since the last report: the latest answer. */
  private answered = new Map<string, number>();
  /** Services this process saw fail within the window: their answers are worth reporting (a recovery). */
  private readonly failedRecently = new Map<string, number>();
  /** Whether the last report named failing services: their end is news too. */
  private reportedFailing = false;
  private timer?: NodeJS.Timeout;
  private sending?: Promise<void>;

  constructor(private readonly options: ProcessObserverOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Hand to every HTTP client the process makes (with the metrics' observer). */
  readonly observeCall = (call: CallObservation): void => {
    const at = this.now();
    if (call.service === 'Lever' && call.status === 429) this.leverRateLimited += 1;
    if (isRetryableFailure(call.status)) {
      const known = this.failing.get(call.service);
      this.failing.set(call.service, { since: known?.since ?? at, lastAt: at, last: String(call.status) });
      this.failedRecently.set(call.service, at);
    } else {
      this.failing.delete(call.service);
      this.answered.set(call.service, at);
    }
  };

  /** A partner callback refused because its signature does not match our secret. */
  callbackRefused(integration: string): void {
    this.callbacksRefused[integration] = (this.callbacksRefused[integration] ?? 0) + 1;
  }

  /** What to report now (counts since the last report taken), or undefined when there is nothing to say. */
  takeReport(): ObservationReport | undefined {
    const at = this.now();
    const { windowMs } = this.options;
    // A failure not seen again within the window is forgotten (the process stopped calling that service).
    for (const [service, failing] of this.failing) if (at - failing.lastAt > windowMs) this.failing.delete(service);
    for (const [service, last] of this.failedRecently) if (at - last > windowMs) this.failedRecently.delete(service);
    const report: ObservationReport = {
      source: this.source,
      at,
      windowMs,
      leverRateLimited: this.leverRateLimited,
      callbacksRefused: this.callbacksRefused,
      failing: Object.fromEntries(this.failing),
      answered: {},
    };
    // Answers are news only after failures (a recovery); so is the end of the failures this process reported.
    const worthSaying =
      saysSomething(report) || this.reportedFailing || [...this.answered.keys()].some((service) => this.failedRecently.has(service));
    if (worthSaying) report.answered = Object.fromEntries(this.answered);
    this.answered = new Map();
    if (!worthSaying) return undefined;
    this.leverRateLimited = 0;
    this.callbacksRefused = {};
    this.reportedFailing = Object.keys(report.failing).length > 0;
    return report;
  }

  /** Sends what there is to say; a report Temporal did not take is added back to the next one. */
  async flush(): Promise<void> {
    const report = this.takeReport();
    if (!report) return;
    try {
      await sendObservations(this.options.client, this.options.taskQueue, report);
    } catch {
      this.leverRateLimited += report.leverRateLimited;
      for (const [integration, n] of Object.entries(report.callbacksRefused))
        this.callbacksRefused[integration] = (this.callbacksRefused[integration] ?? 0) + n;
      for (const [service, at] of Object.entries(report.answered)) if (!this.answered.has(service)) this.answered.set(service, at);
    }
  }

  /** Reports every `intervalMs` (the evaluation interval); undefined: never (evaluations are off). */
  start(intervalMs: number | undefined): void {
    if (intervalMs === undefined || this.timer) return;
    this.timer = setInterval(() => {
      if (this.sending) return;
      this.sending = this.flush().finally(() => (this.sending = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops reporting, after one last report of what was counted since the last one (a stopping process's news). */
  async stop(): Promise<void> {
    const reporting = this.timer !== undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sending;
    if (reporting) await this.flush();
  }
}
