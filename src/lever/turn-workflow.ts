// A turn at Lever's rate for a request that the API makes itself because its answer must not enter a
// workflow history (our webhooks' signature tokens are secrets). The one activity does nothing: being
// handed its task by the Lever queue is the turn, one unit of the rate limit shared by every worker.
// One attempt: a caller that gets no turn tries again later.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { taskQueues } from '../temporal/task-queues';
import type { LeverActivities } from './activities';

export async function leverTurn(): Promise<void> {
  const { leverTakeTurn } = proxyActivities<LeverActivities>({
    taskQueue: taskQueues(workflowInfo().taskQueue).lever,
    startToCloseTimeout: '10s',
    retry: { maximumAttempts: 1 },
  });
  await leverTakeTurn();
}
