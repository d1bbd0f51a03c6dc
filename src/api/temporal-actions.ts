// What an ingress request turns into: a trigger of an opportunity's process, a workflow start, or signals.
// Executing them here maps Temporal's answers to HTTP: accepted, duplicate, no such process, or 503 when
// Temporal cannot be reached.
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import { HttpProblem } from '../http/problems';
import type { SignalAction, SignalTarget, StartAction } from '../integrations/kit/callbacks';
import type { Trigger } from '../opportunity/messages';
import type { OpportunityTriggers } from '../opportunity/trigger';

export type IngressOutcome =
  | { status: 'started'; workflowId: string; runId: string }
  | { status: 'triggered'; workflowId: string; runId: string }
  | { status: 'duplicate'; workflowId: string; reason: string }
  | { status: 'signalled'; workflowIds: string[] }
  | { status: 'not-found'; workflowIds: string[] };

export class TemporalUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Temporal is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TemporalUnavailableError';
  }
}

const DEADLINE_MS = 5_000;
/** Processes a search may find for one partner key: one in practice (a key is one candidate's). */
const MAX_FOUND = 5;

/** gRPC status codes (google.rpc.Code) Temporal answers when it cannot hold what it was sent. */
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_INTERNAL = 13;

/**
 * Temporal refusing the request itself (an id over its length limit, a string that is not valid UTF-8,
 * which its server reports as INTERNAL while unmarshalling) is the sender's problem: a 400, since Lever
 * and partners retry a 503 for nothing. Ingress schemas refuse such ids first, naming the field; this is
 * the net under them. Anything else means Temporal could not take the request now: 503.
 */
export function temporalFailure(error: unknown): Error {
  const cause = error instanceof ServiceError ? error.cause : error;
  if (isGrpcServiceError(cause)) {
    const details = cause.details ?? cause.message;
    if (cause.code === GRPC_INVALID_ARGUMENT || (cause.code === GRPC_INTERNAL && /invalid UTF-8/i.test(details))) {
      return new HttpProblem(400, `Temporal refused this request as invalid: ${details}`);
    }
  }
  return new TemporalUnavailableError(error);
}

export class TemporalActions {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly triggers: OpportunityTriggers,
  ) {}

  /** "Look at this opportunity again": one signal-with-start, whether its process runs or not. */
  async trigger(opportunityId: string, trigger: Trigger): Promise<IngressOutcome> {
    try {
      const handle = await this.withDeadline(() => this.triggers.trigger(this.client, opportunityId, trigger));
      return { status: 'triggered', workflowId: handle.workflowId, runId: handle.signaledRunId };
    } catch (error) {
      throw temporalFailure(error);
    }
  }

  async start(action: StartAction): Promise<IngressOutcome> {
    try {
      const handle = await this.withDeadline(() =>
        this.client.workflow.start(action.workflow, {
          taskQueue: this.taskQueue,
          workflowId: action.workflowId,
          args: action.args,
          ...(action.onConflict === 'join-running'
            ? { workflowIdReusePolicy: 'ALLOW_DUPLICATE', workflowIdConflictPolicy: 'USE_EXISTING' }
            : // A finished process is not started again by a late or re-run delivery.
              { workflowIdReusePolicy: 'REJECT_DUPLICATE', workflowIdConflictPolicy: 'FAIL' }),
          typedSearchAttributes: action.searchAttributes,
        }),
      );
      return { status: 'started', workflowId: action.workflowId, runId: handle.firstExecutionRunId };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return { status: 'duplicate', workflowId: action.workflowId, reason: 'this process was already started' };
      }
      throw temporalFailure(error);
    }
  }

  /**
   * Signals each process of the target. A closed process answers "duplicate" (the event came after its
   * work was done); an id that never existed, or a search that finds nothing, is "not-found".
   */
  async signal(action: SignalAction): Promise<IngressOutcome> {
    const workflowIds = await this.processesOf(action.target);
    const signalled: string[] = [];
    let closed: string | undefined;
    for (const workflowId of workflowIds) {
      try {
        await this.withDeadline(() => this.client.workflow.getHandle(workflowId).signal(action.signal, action.arg));
        signalled.push(workflowId);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw temporalFailure(error);
        if (await this.exists(workflowId)) closed ??= workflowId;
      }
    }
    if (signalled.length > 0) return { status: 'signalled', workflowIds: signalled };
    if (closed) return { status: 'duplicate', workflowId: closed, reason: 'the process has already finished' };
    return { status: 'not-found', workflowIds };
  }

  /** The ids a target names, or the processes (at most a few, newest first) whose search attribute has the value. */
  private async processesOf(target: SignalTarget): Promise<string[]> {
    if ('workflowIds' in target) return target.workflowIds;
    // Routes validate the value as a plain id; anything else could not be quoted in the query.
    if (!/^[\w.:-]+$/.test(target.value)) throw new HttpProblem(400, `${target.searchAttribute.name} must be a plain id`);
    const query = `${target.searchAttribute.name} = "${target.value}"`;
    try {
      return await this.withDeadline(async () => {
        const ids = new Set<string>();
        for await (const run of this.client.workflow.list({ query, pageSize: MAX_FOUND })) {
          ids.add(run.workflowId);
          if (ids.size >= MAX_FOUND) break;
        }
        return [...ids];
      });
    } catch (error) {
      // Even a query Temporal finds invalid (the search attribute not registered on this cluster) is ours
      // to fix, not the sender's: 503, so the partner retries.
      throw new TemporalUnavailableError(error);
    }
  }

  private async exists(workflowId: string): Promise<boolean> {
    try {
      await this.withDeadline(() => this.client.workflow.getHandle(workflowId).describe());
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw temporalFailure(error);
    }
  }

  private withDeadline<T>(fn: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + DEADLINE_MS, fn);
  }
}
