// Every API holds the named API tokens (ids, roles, expiries and hashes: never a secret), read from the
// tokens workflow's memo every second like the settings (LiveMemo), so a revoked token is refused by every
// API within 2 s; an API that cannot read them for 10 s refuses them all rather than trust an old list. Each API notes when it saw a token used and reports that to the workflow in one signal at
// most once a minute: a request never waits on Temporal to be counted.
import type { Client } from '@temporalio/client';
import type { Role } from '../console/roles';
import { LiveMemo, MEMO_REFRESH_MS } from '../temporal/live-memo';
import { workflowIds } from '../temporal/workflow-ids';
import { EMPTY_TOKENS, TOKENS_MEMO, tokensUsedSignal, type StoredToken, type StoredTokens, type TokenUses } from './messages';
import { matchesHash, tokenIdOf } from './secret';

/** How often an API reports the tokens it saw used (at most one signal per period, none when idle). */
export const USE_REPORT_MS = 60_000;

/** A report Temporal has not taken within this is tried again at the next one. */
const REPORT_DEADLINE_MS = 5_000;

/** Where createApp keeps its LiveTokens (`app.locals`), so every route that identifies an asker finds it. */
export const API_TOKENS_LOCAL = 'apiTokens';

/** Who a valid named token speaks for. */
export interface TokenHolder {
  name: string;
  role: Role;
}

export interface TokenVerifier {
  /** The holder of a bearer value that is a token in force (known, not revoked, not expired), else undefined. */
  verify(bearer: string, now: number): TokenHolder | undefined;
}

/**
 * An API that has not read the tokens for this long (Temporal unreachable from it) refuses them all: it cannot
 * know whether one was revoked meanwhile. The ADMIN_TOKEN and sessions still work (the break-glass way in).
 */
export const STALE_AFTER_MS = 10_000;

export interface LiveTokensOptions {
  refreshMs?: number;
  useReportMs?: number;
  staleAfterMs?: number;
}

export class LiveTokens implements TokenVerifier {
  private readonly memo: LiveMemo<StoredTokens>;
  private byId = new Map<string, StoredToken>();
  /** Uses seen since the last report, by token id. */
  private uses: TokenUses = {};
  private reportTimer?: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    taskQueue: string,
    private readonly options: LiveTokensOptions = {},
  ) {
    this.memo = new LiveMemo(client, {
      workflowId: workflowIds.apiTokens(taskQueue),
      memoKey: TOKENS_MEMO,
      // No token was ever created: only ADMIN_TOKEN and sessions open anything.
      empty: EMPTY_TOKENS,
      what: 'the API tokens',
      intervalMs: options.refreshMs ?? MEMO_REFRESH_MS,
    });
    this.memo.onChange((stored) => {
      this.byId = new Map(stored.tokens.map((token) => [token.id, token]));
    });
  }

  get workflowId(): string {
    return this.memo.workflowId;
  }

  current(): StoredTokens {
    return this.memo.current();
  }

  status() {
    return this.memo.status();
  }

  /** Takes the tokens a change this process made answered with, if newer. */
  accept(stored: StoredTokens): void {
    this.memo.accept(stored);
  }

  refresh(): Promise<void> {
    return this.memo.refresh();
  }

  verify(bearer: string, now: number): TokenHolder | undefined {
    // Wall-clock time, whatever clock the caller judges expiry by: this is about this process's last read.
    const { refreshedAt } = this.memo.status();
    if (refreshedAt === undefined || Date.now() - refreshedAt > (this.options.staleAfterMs ?? STALE_AFTER_MS)) return undefined;
    const id = tokenIdOf(bearer);
    // The id is public: finding the token by it reveals nothing; only the hash comparison sees the secret.
    const token = id === undefined ? undefined : this.byId.get(id);
    if (!token?.hash || token.revokedAt !== undefined || token.expiresAt <= now) return undefined;
    if (!matchesHash(bearer, token.hash)) return undefined;
    this.uses[token.id] = now;
    return { name: token.name, role: token.role };
  }

  /** Sends the uses seen since the last report in one signal; on failure they wait for the next one. */
  async reportUses(): Promise<void> {
    const uses = this.uses;
    if (Object.keys(uses).length === 0) return;
    this.uses = {};
    try {
      await this.client.withDeadline(Date.now() + REPORT_DEADLINE_MS, () =>
        this.client.workflow.getHandle(this.workflowId).signal(tokensUsedSignal, uses),
      );
    } catch {
      // Temporal unreachable: keep the latest use of each token for the next report.
      for (const [id, at] of Object.entries(uses)) this.uses[id] = Math.max(at, this.uses[id] ?? 0);
    }
  }

  /** Reads now, then every second; reports uses every minute. Resolves after the first read. */
  async start(): Promise<void> {
    await this.memo.start();
    this.reportTimer ??= setInterval(() => void this.reportUses(), this.options.useReportMs ?? USE_REPORT_MS);
    this.reportTimer.unref();
  }

  /** Stops reading and reports the uses not yet reported. */
  async stop(): Promise<void> {
    if (this.reportTimer) clearInterval(this.reportTimer);
    this.reportTimer = undefined;
    await Promise.all([this.memo.stop(), this.reportUses()]);
  }
}
