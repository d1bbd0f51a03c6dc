// Lever reads made on behalf of code outside a workflow (the worker's configuration checks at start) that
// still go through the Lever task queue, so they count against the rate limit like every other request:
// a fleet of workers restarting in a loop must not push Lever over its limit with checks of its own.
// Each read is one short `leverRead` run (`lever-read/<uuid>`) with one activity on the Lever queue.
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { ActivityFailure, type Duration } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { workflowIds } from '../temporal/workflow-ids';
import type { LeverReads, QueuedReadMethod } from './queued-read';
import { leverRead } from './read-workflow';

export type { LeverReads } from './queued-read';

export interface QueuedOptions {
  /** How long the run may wait for a worker and Lever's rate before it fails. */
  timeout?: Duration;
  /** Stops waiting for a run in flight (the run itself still goes on, or times out, in Temporal). */
  signal?: AbortSignal;
}

/** The client's side: the same methods as LeverClient's, each one run through the Lever queue. */
export function queuedLeverReads(client: Client, taskQueue: string, options: QueuedOptions = {}): LeverReads {
  const read = async (method: QueuedReadMethod, args: unknown[]): Promise<never> =>
    (await runOnLeverQueue(client, taskQueue, options, (common) =>
      client.workflow.execute(leverRead, { ...common, workflowId: workflowIds.leverRead(randomUUID()), args: [{ method, args }] }),
    )) as never;
  return {
    listStages: (...args) => read('listStages', args),
    listUsersByEmail: (...args) => read('listUsersByEmail', args),
    getPosting: (...args) => read('getPosting', args),
    listWebhooks: (...args) => read('listWebhooks', args),
    listPostings: (...args) => read('listPostings', args),
    listPublishedPostings: (...args) => read('listPublishedPostings', args),
    listUsers: (...args) => read('listUsers', args),
  };
}

/** One short run on the main queue whose one activity waits its turn on the Lever queue; its failure is Lever's or Temporal's root cause. */
export async function runOnLeverQueue<T>(
  client: Client,
  taskQueue: string,
  { timeout = '2m', signal }: QueuedOptions,
  execute: (common: { taskQueue: string; workflowExecutionTimeout: Duration }) => Promise<T>,
): Promise<T> {
  const run = () => execute({ taskQueue, workflowExecutionTimeout: timeout });
  try {
    return await (signal ? client.withAbortSignal(signal, run) : run());
  } catch (error) {
    throw rootCause(error);
  }
}

/** Lever's answer, not Temporal's wrapping of it: "Lever answered 404: ..." rather than "Workflow execution failed". */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof WorkflowFailedError || cause instanceof ActivityFailure) {
    if (!cause.cause) break;
    cause = cause.cause;
  }
  return cause;
}
