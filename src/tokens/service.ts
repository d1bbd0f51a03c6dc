// Creating, revoking and listing the named API tokens: the secret is made here (never in Temporal), its
// hash goes to the tokens workflow in an Update, and the answer is taken into this API's LiveTokens at once.
// Used by the JSON API (`/admin/tokens`) and the console's "API tokens" page.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { HttpProblem } from '../http/problems';
import type { ChangeActor } from '../settings/access';
import { ensureEntityStarted, executeUpdateOnce } from '../temporal/entity-updates';
import { taskQueues } from '../temporal/task-queues';
import type { LiveTokens } from './live';
import {
  createTokenUpdate,
  INVALID_TOKEN_CHANGE,
  revokeTokenUpdate,
  TOKEN_NAME_TAKEN,
  tokensAuditQuery,
  UNKNOWN_TOKEN,
  type TokenAuditEntry,
  type TokenChangeResult,
} from './messages';
import type { TokenRequest } from './request';
import { newToken, TOKEN_ID_PATTERN } from './secret';
import { listedTokens, tokenView, type TokenView } from './view';
import { relayApiTokens } from './workflow';

export interface CreatedToken {
  /** The token string: the only time anyone sees it. */
  token: string;
  view: TokenView;
}

export interface TokensAccess {
  /** The tokens this API holds (refreshed from Temporal every second), in force first. */
  list(now: number): TokenView[];
  create(request: TokenRequest, actor: ChangeActor, via: string): Promise<CreatedToken>;
  /** Revoking a revoked token again answers it unchanged; an unknown id is a 404. */
  revoke(id: string, actor: ChangeActor, via: string): Promise<TokenView>;
  /** Every creation and revocation, newest first. */
  audit(): Promise<TokenAuditEntry[]>;
}

const ADVICE = 'list the tokens before trying again';
const AUDIT_DEADLINE_MS = 5_000;

export class TokensService implements TokensAccess {
  constructor(
    private readonly live: LiveTokens,
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  list(now: number): TokenView[] {
    return listedTokens(this.live.current().tokens, now);
  }

  async create(request: TokenRequest, actor: ChangeActor, via: string): Promise<CreatedToken> {
    const { id, token, hash } = newToken();
    const { workflowId } = this.live;
    // The first token starts the tokens workflow; afterwards this joins the running one.
    await ensureEntityStarted(this.client, relayApiTokens, { workflowId, taskQueue: taskQueues(this.taskQueue).main });
    const result = await this.changed(() =>
      executeUpdateOnce(
        this.client.workflow.getHandle(workflowId),
        createTokenUpdate,
        [{ id, hash, name: request.name, role: request.role, expiresAt: request.expiresAt, actor: actor.id, via }],
        { advice: ADVICE },
      ),
    );
    return { token, view: tokenView(result.token, Date.now()) };
  }

  async revoke(id: string, actor: ChangeActor, via: string): Promise<TokenView> {
    if (!TOKEN_ID_PATTERN.test(id)) throw new HttpProblem(400, 'a token id is 16 hex digits (the id GET /admin/tokens lists)');
    const result = await this.changed(() =>
      executeUpdateOnce(this.client.workflow.getHandle(this.live.workflowId), revokeTokenUpdate, [{ id, actor: actor.id, via }], {
        advice: ADVICE,
      }),
    );
    return tokenView(result.token, Date.now());
  }

  async audit(): Promise<TokenAuditEntry[]> {
    try {
      // A query needs a worker: without one, say so after a moment rather than wait.
      return await this.client.withDeadline(Date.now() + AUDIT_DEADLINE_MS, () =>
        this.client.workflow.getHandle(this.live.workflowId).query(tokensAuditQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return [];
      throw error;
    }
  }

  /** The change's answer, taken into this API at once; the workflow's refusals as 400, 404 or 409. */
  private async changed(change: () => Promise<TokenChangeResult>): Promise<TokenChangeResult> {
    try {
      const result = await change();
      this.live.accept(result.tokens);
      return result;
    } catch (error) {
      // No token was ever created, so none can be revoked.
      if (error instanceof WorkflowNotFoundError) throw new HttpProblem(404, 'there are no API tokens yet');
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure) {
        if (cause.type === UNKNOWN_TOKEN) throw new HttpProblem(404, cause.message);
        if (cause.type === TOKEN_NAME_TAKEN) throw new HttpProblem(409, cause.message, [{ field: 'name', message: cause.message }]);
        if (cause.type === INVALID_TOKEN_CHANGE) throw new HttpProblem(400, cause.message);
      }
      throw error;
    }
  }
}
