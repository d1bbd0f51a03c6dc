// The doctor's checks for the console, run in the background: a page never waits for Lever or a partner.
// The first request starts a run and the page shows "checking..."; results are kept for a minute, and a
// request after that starts the next run while the page shows the previous results. One run at a time.
import type { CheckResult } from '../doctor/check';

export const HEALTH_TTL_MS = 60_000;

export interface HealthSnapshot {
  results: CheckResult[];
  /** When the run that produced them finished. */
  at: number;
  /** Why the run itself failed (not a check: the whole run). */
  error?: string;
}

export class HealthMonitor {
  private snapshot: HealthSnapshot | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly run: () => Promise<CheckResult[]>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = HEALTH_TTL_MS,
  ) {}

  /** The latest results (undefined until the first run ends); starts a run if they are stale. */
  latest(): HealthSnapshot | undefined {
    if (!this.snapshot || this.now() - this.snapshot.at >= this.ttlMs) void this.refresh();
    return this.snapshot;
  }

  /** Starts a run now unless one is running (e.g. after registering webhooks). Resolves when it ends. */
  refresh(): Promise<void> {
    this.running ??= this.run()
      .then(
        (results) => void (this.snapshot = { results, at: this.now() }),
        (error: unknown) =>
          void (this.snapshot = {
            results: this.snapshot?.results ?? [],
            at: this.now(),
            error: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  get checking(): boolean {
    return this.running !== undefined;
  }
}

/**
 * The checks about one integration: the doctor names them by the integration's title ("Willo: API at ...")
 * or by the variable they check ("WILLO_TRIGGER_STAGES: stage ..."), whose prefix is the integration's.
 */
export function checksOf(results: CheckResult[], title: string, envPrefix: string | undefined): CheckResult[] {
  return results.filter((r) => r.name.startsWith(`${title}:`) || (envPrefix !== undefined && r.name.startsWith(`${envPrefix}_`)));
}

/** The relay's own checks: Lever and Temporal. */
export function relayChecks(results: CheckResult[], prefix: 'Lever:' | 'Temporal:'): CheckResult[] {
  return results.filter((r) => r.name.startsWith(prefix));
}
