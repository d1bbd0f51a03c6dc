// Activity stubs grouped by where they run, all with the patient retries of temporal/retry.
import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { HTTP_FAILURE } from '../../http/failure-types';
import type { LeverActivities } from '../../lever/activities';
import { PATIENT_RETRY } from '../../temporal/retry';
import { taskQueues } from '../../temporal/task-queues';

/** Lever activities run on the rate-limited Lever queue of this deployment. */
export function leverActivities<A extends object = LeverActivities>() {
  return proxyActivities<A>({
    taskQueue: taskQueues(workflowInfo().taskQueue).lever,
    startToCloseTimeout: '30s',
    retry: PATIENT_RETRY,
  });
}

/**
 * Lever writes that must not be retried blindly: Lever has no idempotency keys, so a create whose answer
 * was lost (timeout, crash) would create twice. The workflow looks again before each new attempt.
 */
export function leverWriteOnce() {
  return proxyActivities<LeverActivities>({
    taskQueue: taskQueues(workflowInfo().taskQueue).lever,
    startToCloseTimeout: '30s',
    retry: { maximumAttempts: 1 },
  });
}

/** Partner (and Temporal) activities run on the main queue, with the same patient retries. */
export function partnerActivities<A extends object>() {
  return proxyActivities<A>({ startToCloseTimeout: '30s', retry: PATIENT_RETRY });
}

export function failureType(error: unknown): string | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}

export function isNotFound(error: unknown): boolean {
  return failureType(error) === HTTP_FAILURE.notFound;
}
