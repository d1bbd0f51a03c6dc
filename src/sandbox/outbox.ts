// Outgoing deliveries from the sandbox to the relay (Lever webhooks, partner callbacks): one attempt now,
// retries after the configured gaps in the background, every attempt recorded, and nothing left
// running once the sandbox closes.
import type { Logger } from '../logger';

export type SandboxLogger = Pick<Logger, 'debug' | 'info' | 'warn'>;

export interface Attempt {
  /** Start of the attempt, epoch ms. */
  at: number;
  status?: number;
  error?: string;
  /** Sent by hand (redeliver / Rerun), not by the retry schedule. */
  rerun?: true;
}

export interface DeliveryRecord {
  attempts: Attempt[];
  delivered: boolean;
}

export interface SendResult {
  /** Absent when the request failed before an answer (network error, timeout). */
  status?: number;
  /** The relay's answer, parsed when it is JSON. */
  body?: unknown;
  error?: string;
}

export type Send = () => Promise<SendResult>;

const isSuccess = (result: SendResult) => result.status !== undefined && result.status >= 200 && result.status < 300;

export class Outbox {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stopped = new AbortController();

  constructor(
    private readonly logger: SandboxLogger,
    private readonly timeoutMs = 10_000,
  ) {}

  async post(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    if (this.stopped.signal.aborted) return { error: 'sandbox closed' };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      const text = await response.text();
      return { status: response.status, body: parseMaybeJson(text) };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      return { error: cause instanceof Error ? cause.message : String(cause) };
    }
  }

  /**
   * Sends now and answers with that first result; on a retryable failure sends again after each gap in
   * turn until one attempt succeeds or the gaps run out.
   */
  async deliver(
    name: string,
    record: DeliveryRecord,
    send: Send,
    delaysMs: readonly number[],
    retryable: (r: SendResult) => boolean,
  ): Promise<SendResult> {
    const first = await this.attempt(name, record, send);
    const retryFrom = (index: number, last: SendResult) => {
      if (isSuccess(last) || !retryable(last)) return;
      if (index >= delaysMs.length) {
        if (delaysMs.length > 0)
          this.logger.warn({ delivery: name, attempts: record.attempts.length }, 'sandbox delivery given up after every retry');
        return;
      }
      this.later(delaysMs[index], async () => retryFrom(index + 1, await this.attempt(name, record, send)));
    };
    retryFrom(0, first);
    return first;
  }

  /** Lever's "Rerun": the same request `times` times at once, as a duplicate storm would. */
  rerun(name: string, record: DeliveryRecord, send: Send, times: number): Promise<SendResult[]> {
    return Promise.all(Array.from({ length: times }, () => this.attempt(name, record, send, true)));
  }

  close(): void {
    this.stopped.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** `name` is what the logs call the delivery (`applicationCreated`, `hrlogics screening.completed`): never personal data. */
  private async attempt(name: string, record: DeliveryRecord, send: Send, rerun = false): Promise<SendResult> {
    const attempt: Attempt = { at: Date.now(), ...(rerun ? { rerun: true as const } : {}) };
    record.attempts.push(attempt);
    const result = await send();
    if (result.status !== undefined) attempt.status = result.status;
    if (result.error !== undefined) attempt.error = result.error;
    if (isSuccess(result)) record.delivered = true;
    this.logger.debug({ delivery: name, status: result.status, error: result.error, rerun }, 'sandbox delivery attempt');
    return result;
  }

  private later(delayMs: number, run: () => Promise<void>): void {
    if (this.stopped.signal.aborted) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Sends never throw (failures are results); this only keeps a bug from crashing the process.
      run().catch(() => undefined);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }
}

function parseMaybeJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
