// A queued Lever read, the activity's side: which reads may be queued and how one runs with the worker's
// Lever client. Apart from queued-reads.ts (the client's side, which starts the read workflow), so that
// the activities do not import the workflow that proxies them.
import { ApplicationFailure } from '@temporalio/common';
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
