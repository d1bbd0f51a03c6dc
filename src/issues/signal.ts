// Every message to a deployment's issues workflow is a signal-with-start: the first evaluation or report
// creates `relay-issues/<task queue>`, any later one just signals it (one Temporal call either way).
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import { taskQueues } from '../temporal/task-queues';
import { workflowIds } from '../temporal/workflow-ids';
import { relayIssues } from './workflow';

export async function signalIssues<Args extends unknown[]>(
  client: Client,
  taskQueue: string,
  signal: SignalDefinition<Args>,
  args: Args,
): Promise<void> {
  await client.workflow.signalWithStart(relayIssues, {
    workflowId: workflowIds.issues(taskQueue),
    taskQueue: taskQueues(taskQueue).main,
    args: [{}],
    signal,
    signalArgs: args,
  });
}
