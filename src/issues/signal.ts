// Every message to a deployment's issues workflow is a signal-with-start: the first evaluation or report
// creates `relay-issues/<task queue>`, any later one just signals it (one Temporal call either way).
import type { Client } from '@temporalio/client';
import { taskQueues } from '../temporal/task-queues';
import { workflowIds } from '../temporal/workflow-ids';
import { evaluatedSignal, observedSignal, type Evaluation, type IssuesInput } from './messages';
import type { ObservationReport } from './observed';
import { relayIssues } from './workflow';

const startOptions = (taskQueue: string) => ({
  workflowId: workflowIds.issues(taskQueue),
  taskQueue: taskQueues(taskQueue).main,
  args: [{}] as [IssuesInput],
});

/** One evaluation's findings. */
export async function sendEvaluation(client: Client, taskQueue: string, evaluation: Evaluation): Promise<void> {
  await client.workflow.signalWithStart(relayIssues, { ...startOptions(taskQueue), signal: evaluatedSignal, signalArgs: [evaluation] });
}

/** One process's observations. */
export async function sendObservations(client: Client, taskQueue: string, report: ObservationReport): Promise<void> {
  await client.workflow.signalWithStart(relayIssues, { ...startOptions(taskQueue), signal: observedSignal, signalArgs: [report] });
}
