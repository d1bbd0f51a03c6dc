// Lever reads made on behalf of code outside a workflow (the worker's configuration checks at start) that
// still go through the Lever task queue, so they count against the rate limit like every other request:
// a fleet of workers restarting in a loop must not push Lever over its limit with checks of its own.
// Each read is one short `leverRead` run (`lever-read/<uuid>`) with one activity on the Lever queue.
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, type Duration } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { leverRead } from './read-workflow';
import { workflowIds } from '../temporal/workflow-ids';
import type { LeverClient } from './client';
import type { LeverWebhook } from './types';

/** The reads the checks and the console make; nothing that writes. */
export const QUEUED_READ_METHODS = [
  'listStages',
  'listUsersByEmail',
  'getPosting',
  'listWebhooks',
  'listPostings',
  'listPublishedPostings',
  'listUsers',
] as const;
export type QueuedReadMethod = (typeof QUEUED_READ_METHODS)[number];
export type LeverReads = Pick<LeverClient, QueuedReadMethod>;

export interface QueuedRead {
  method: QueuedReadMethod;
  args: unknown[];
}

/** The activity's side: runs one allowed read with the worker's Lever client. */
export async function performQueuedRead(lever: LeverClient, { method, args }: QueuedRead): Promise<unknown> {
  if (!QUEUED_READ_METHODS.includes(method)) throw ApplicationFailure.nonRetryable(`not a queued Lever read: ${String(method)}`);
  const result = await (lever[method] as (...a: unknown[]) => Promise<unknown>).apply(lever, args);
  // Signature tokens are secrets: they never go into a workflow history.
  if (method === 'listWebhooks') {
    const page = result as { data: LeverWebhook[] };
    return { ...page, data: page.data.map(({ configuration: _secret, ...rest }) => rest) };
  }
  return result;
}

/** The client's side: the same methods as LeverClient's, each one run through the Lever queue. */
export function queuedLeverReads(client: Client, taskQueue: string, timeout: Duration = '2m'): LeverReads {
  const read = async (method: QueuedReadMethod, args: unknown[]): Promise<never> => {
    try {
      return (await client.workflow.execute(leverRead, {
        taskQueue,
        workflowId: workflowIds.leverRead(randomUUID()),
        args: [{ method, args }],
        workflowExecutionTimeout: timeout,
      })) as never;
    } catch (error) {
      throw rootCause(error);
    }
  };
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

/** Lever's answer, not Temporal's wrapping of it: "Lever answered 404: ..." rather than "Workflow execution failed". */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof WorkflowFailedError || cause instanceof ActivityFailure) {
    if (!cause.cause) break;
    cause = cause.cause;
  }
  return cause;
}
