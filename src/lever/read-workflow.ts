// One Lever read on the rate-limited Lever queue, for code outside a workflow (see queued-reads.ts).
// One attempt: the caller reports a failure, it does not wait for Lever to recover.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { taskQueues } from '../temporal/task-queues';
import type { LeverActivities } from './activities';
import type { QueuedRead } from './queued-read';

export async function leverRead(read: QueuedRead): Promise<unknown> {
  const { leverQueuedRead } = proxyActivities<LeverActivities>({
    taskQueue: taskQueues(workflowInfo().taskQueue).lever,
    startToCloseTimeout: '30s',
    retry: { maximumAttempts: 1 },
  });
  return leverQueuedRead(read);
}
