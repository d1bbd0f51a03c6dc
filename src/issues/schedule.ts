// The issues' Temporal Schedule: one evaluation every ISSUES_EVALUATION_INTERVAL, never two at once
// (overlap SKIP), kept as configured by every worker at start, like the sweep's.
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { RelayConfig } from '../config/relay';
import { ensureSchedule, type ScheduleOutcome } from '../temporal/schedules';
import { taskQueues } from '../temporal/task-queues';
import { scheduleId, workflowIds } from '../temporal/workflow-ids';
import { issuesEvaluation } from './evaluation-workflow';

export const issuesScheduleId = (taskQueue: string) => scheduleId('relay-issues', taskQueue);

export function issuesScheduleOptions(relay: Pick<RelayConfig, 'issues' | 'temporal'>, everyMs: number): ScheduleOptions {
  return {
    scheduleId: issuesScheduleId(relay.temporal.taskQueue),
    spec: { intervals: [{ every: everyMs }] },
    action: {
      type: 'startWorkflow',
      workflowType: issuesEvaluation,
      args: [],
      taskQueue: taskQueues(relay.temporal.taskQueue).main,
      workflowId: workflowIds.issuesEvaluation(relay.temporal.taskQueue),
    },
    // A missed evaluation is not worth catching up: the next one sees the present.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1m' },
    state: { note: 'Issues: the detectors look at the relay and open or resolve issues (lever-relay)' },
  };
}

export function ensureIssuesSchedule(client: Client, relay: Pick<RelayConfig, 'issues' | 'temporal'>): Promise<ScheduleOutcome> {
  const every = relay.issues.evaluationIntervalMs;
  return ensureSchedule(client, {
    scheduleId: issuesScheduleId(relay.temporal.taskQueue),
    options: every === undefined ? undefined : () => issuesScheduleOptions(relay, every),
    offNote: 'issues are not evaluated (ISSUES_EVALUATION_INTERVAL=off)',
    onNote: 'issues are evaluated',
  });
}
