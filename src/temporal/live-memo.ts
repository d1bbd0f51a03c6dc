// What an entity workflow publishes in its memo (the settings, the API tokens), held by every process and
// read again with a describe every second: no worker needs to answer, and a change acts everywhere within
// 2 s. The value carries a version bumped by each change, so an older read never replaces a newer value
// (the answer to an Update this process made arrives before the next describe sees it). A process that
// cannot read keeps its last copy and says so in `status()`.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';

export const MEMO_REFRESH_MS = 1_000;

/** How long one describe may take before the read counts as failed. */
const DESCRIBE_DEADLINE_MS = 2_000;

export interface Versioned {
  version: number;
}

export interface LiveMemoStatus {
  version: number;
  /** When the memo was last read from Temporal (epoch ms). */
  refreshedAt?: number;
  /** Why the last read failed, while it does. */
  error?: string;
}

export interface LiveMemoOptions<T extends Versioned> {
  workflowId: string;
  /** The memo key the workflow publishes the value under. */
  memoKey: string;
  /** The value before the workflow exists (nobody has changed anything yet). */
  empty: T;
  /** What the value is, for a failed read's message: "the settings". */
  what: string;
  intervalMs?: number;
}

export class LiveMemo<T extends Versioned> {
  private value: T;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private refreshedAt?: number;
  private error?: string;
  private readonly listeners: ((value: T) => void)[] = [];
  readonly workflowId: string;

  constructor(
    private readonly client: Client,
    private readonly options: LiveMemoOptions<T>,
  ) {
    this.value = options.empty;
    this.workflowId = options.workflowId;
  }

  /** The value last read (or accepted). */
  current(): T {
    return this.value;
  }

  status(): LiveMemoStatus {
    return {
      version: this.value.version,
      ...(this.refreshedAt ? { refreshedAt: this.refreshedAt } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Called with the new value whenever the version changes. */
  onChange(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }

  /** Reads the memo once; never throws (a failure is kept in `status()`). */
  refresh(): Promise<void> {
    const read: Promise<void> = this.read().finally(() => {
      if (this.reading === read) this.reading = undefined;
    });
    this.reading = read;
    return read;
  }

  private async read(): Promise<void> {
    try {
      const description = await this.client.withDeadline(Date.now() + DESCRIBE_DEADLINE_MS, () =>
        this.client.workflow.getHandle(this.workflowId).describe(),
      );
      this.accept((description.memo?.[this.options.memoKey] as T | undefined) ?? this.options.empty);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        this.accept(this.options.empty);
        return;
      }
      this.error = `cannot read ${this.options.what} from Temporal: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Takes a value read elsewhere (the answer to an Update this process made), if newer. */
  accept(value: T): void {
    this.refreshedAt = Date.now();
    this.error = undefined;
    if (value.version <= this.value.version) return;
    this.value = value;
    for (const listener of this.listeners) listener(value);
  }

  /** Reads now, then every second. Resolves after the first read (or its failure). */
  async start(): Promise<void> {
    await this.refresh();
    // A tick while a read is still in flight (Temporal slow to answer) waits for the next one: describes do
    // not pile up, and `stop()` has one read to wait for.
    this.timer ??= setInterval(() => void (this.reading ?? this.refresh()), this.options.intervalMs ?? MEMO_REFRESH_MS);
    // The refresh never keeps a process alive by itself.
    this.timer.unref();
  }

  /**
   * Stops reading, once the read in flight has ended: a describe retrying against a Temporal that does not
   * answer would otherwise call the connection after its owner closed it.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.reading;
  }
}
