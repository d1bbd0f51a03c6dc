// What the detectors look at, measured once per evaluation: the doctor's checks with the settings in force
// (Lever key and its confidential access, our webhooks, each partner's key, every configured stage, posting
// and user), visibility *counts* (plus one page of 10 examples when a count is not zero), the sweep's
// schedule, the task queues' pollers and backlog, and what workers and APIs observed since (Lever 429s,
// refused callbacks, failing services: ./observed.ts). Nothing here lists every process, so an evaluation
// costs the same at 20 processes or 20,000.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Config } from '../assembly/config';
import type { CheckResult } from '../doctor/check';
import { sweepScheduleId } from '../opportunity/sweep-schedule';
import { taskQueues } from '../temporal/task-queues';
import { EXAMPLES_LIMIT } from './kinds';
import type { Observed } from './observed';

export interface QueuePollers {
  taskQueue: string;
  type: 'workflow' | 'activity';
  /** Pollers seen within the last POLLER_FRESH_MS. */
  count: number;
}

export interface SweepFacts {
  intervalMs: number;
  paused: boolean;
  /** When the schedule was created (epoch ms): a young schedule has had no chance to sweep yet. */
  createdAt?: number;
  /** Sweeps completed within the last 3 intervals. */
  completedRecently: number;
}

export interface Facts {
  at: number;
  config: Config;
  checks: CheckResult[];
  /** Processes waiting with `RelayStatus = "lever-refused"`, and up to 10 of their workflow ids. */
  leverRefused: { count: number; examples: string[] };
  /** Undefined when the sweep is switched off. */
  sweep?: SweepFacts;
  pollers: QueuePollers[];
  /** Age of the oldest task waiting on the Lever queue, when the server reports it. */
  leverBacklogAgeMs?: number;
  /** What the relay's processes reported within the observation window. */
  observed: Observed;
}

/** A poller that has not polled for this long is gone (a long poll lasts about a minute). */
export const POLLER_FRESH_MS = 90_000;

export async function countAndExamples(client: Client, query: string): Promise<{ count: number; examples: string[] }> {
  const { count } = await client.workflow.count(query);
  if (count === 0) return { count, examples: [] };
  const examples: string[] = [];
  for await (const run of client.workflow.list({ query, pageSize: EXAMPLES_LIMIT })) {
    examples.push(run.workflowId);
    if (examples.length >= EXAMPLES_LIMIT) break;
  }
  return { count, examples };
}

async function sweepFacts(client: Client, config: Config, at: number): Promise<SweepFacts | undefined> {
  const intervalMs = config.lever.sweepIntervalMs;
  if (intervalMs === undefined) return undefined;
  const since = new Date(at - 3 * intervalMs).toISOString();
  const queue = taskQueues(config.temporal.taskQueue).main;
  const [description, completed] = await Promise.all([
    client.schedule
      .getHandle(sweepScheduleId(config.temporal.taskQueue))
      .describe()
      .catch(() => undefined),
    client.workflow.count(
      `WorkflowType = 'leverSweep' AND TaskQueue = '${queue}' AND ExecutionStatus = 'Completed' AND CloseTime > '${since}'`,
    ),
  ]);
  return {
    intervalMs,
    paused: description?.state.paused ?? false,
    ...(description?.info.createdAt ? { createdAt: description.info.createdAt.getTime() } : {}),
    completedRecently: completed.count,
  };
}

async function queueFacts(client: Client, config: Config, at: number): Promise<{ pollers: QueuePollers[]; leverBacklogAgeMs?: number }> {
  const queues = taskQueues(config.temporal.taskQueue);
  const { TaskQueueType } = temporal.api.enums.v1;
  const describe = (name: string, type: temporal.api.enums.v1.TaskQueueType) =>
    client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: type,
      reportStats: true,
    });
  const fresh = (pollers: temporal.api.taskqueue.v1.IPollerInfo[] | null | undefined) =>
    (pollers ?? []).filter((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return at - seconds * 1_000 < POLLER_FRESH_MS;
    }).length;
  const [mainWorkflows, mainActivities, leverActivities] = await Promise.all([
    describe(queues.main, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
    describe(queues.main, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    describe(queues.lever, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
  ]);
  const age = leverActivities.stats?.approximateBacklogAge;
  return {
    pollers: [
      { taskQueue: queues.main, type: 'workflow', count: fresh(mainWorkflows.pollers) },
      { taskQueue: queues.main, type: 'activity', count: fresh(mainActivities.pollers) },
      { taskQueue: queues.lever, type: 'activity', count: fresh(leverActivities.pollers) },
    ],
    ...(age ? { leverBacklogAgeMs: Number(age.seconds ?? 0) * 1_000 + Math.floor((age.nanos ?? 0) / 1e6) } : {}),
  };
}

export async function measureFacts(deps: {
  client: Client;
  /** The configuration with the settings in force. */
  config: Config;
  checks: () => Promise<CheckResult[]>;
  /** The reports the issues workflow holds. */
  observed: () => Promise<Observed>;
  now?: number;
}): Promise<Facts> {
  const { client, config } = deps;
  const at = deps.now ?? Date.now();
  const queue = taskQueues(config.temporal.taskQueue).main;
  const [checks, leverRefused, sweep, queuesNow, observed] = await Promise.all([
    deps.checks(),
    countAndExamples(client, `RelayStatus = 'lever-refused' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`),
    sweepFacts(client, config, at),
    queueFacts(client, config, at),
    deps.observed(),
  ]);
  return { at, config, checks, leverRefused, ...(sweep ? { sweep } : {}), ...queuesNow, observed };
}
