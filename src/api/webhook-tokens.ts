// Which signature tokens verify a Lever webhook, per event. Tokens set in the environment win. Otherwise
// the API reads them from Lever's webhooks API (our webhooks: those pointing at our URL), at start and every
// LEVER_WEBHOOK_TOKEN_REFRESH, so nobody copies a token by hand and a regenerated one is used without a
// restart; once Lever has listed our webhook for an event, only its current token counts. Until then, the
// fallback (the sandbox's tokens in sandbox mode, none in production) applies.
// Each read waits for a turn on the Lever queue (the API's Lever client), so it counts against the rate
// limit that every worker shares; until a worker gives the first one, the configured tokens apply.
import type { RelayConfig } from '../config/relay';
import type { LeverClient } from '../lever/client';
import type { LeverEvent } from '../lever/events';
import { listAllWebhooks, tokensByEvent } from '../lever/webhook-registration';
import type { Logger } from '../logger';

/** After a failed load, the next try comes sooner than the usual refresh. */
const RETRY_AFTER_FAILURE_MS = 30_000;

export class WebhookTokens {
  private fromLever: Record<string, string[]> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The read in flight, let go by `stop()`. One per read: Temporal's client adds a listener to the signal per call. */
  private reading: AbortController | undefined;

  /** `leverFor` is given a signal that `stop()` aborts: a read still waiting for its turn is let go. */
  constructor(
    private readonly config: Pick<RelayConfig, 'lever' | 'api'>,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
    private readonly leverFor: (stopping: AbortSignal) => Pick<LeverClient, 'listWebhooks'>,
  ) {}

  /** The tokens that may have signed a delivery of `event`. */
  for(event: LeverEvent): string[] {
    const own = this.config.lever.webhookTokens[event];
    if (own.length > 0) return own;
    return this.fromLever?.[event] ?? this.config.lever.fallbackWebhookTokens[event];
  }

  /** Reads our webhooks' tokens from Lever now. */
  async refresh(): Promise<void> {
    const reading = new AbortController();
    this.reading = reading;
    try {
      const webhooks = await listAllWebhooks(this.leverFor(reading.signal));
      this.fromLever = tokensByEvent(webhooks, `${this.config.api.publicUrl}/webhooks/lever`);
    } finally {
      if (this.reading === reading) this.reading = undefined;
    }
  }

  /** Loads at once, then keeps the tokens current until `stop()`. */
  start(): void {
    const next = (delayMs: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(run, delayMs);
      this.timer.unref();
    };
    const run = () => {
      this.refresh().then(
        () => next(this.config.lever.webhookTokenRefreshMs),
        (error: unknown) => {
          if (this.stopped) return;
          this.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'could not read webhook signature tokens from Lever (a worker gives each read its turn at the rate; the key needs webhooks:read:admin); using the configured ones',
          );
          next(Math.min(this.config.lever.webhookTokenRefreshMs, RETRY_AFTER_FAILURE_MS));
        },
      );
    };
    run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.reading?.abort();
  }
}
