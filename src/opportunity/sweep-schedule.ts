// The sweep's Temporal Schedule (every LEVER_SWEEP_INTERVAL), created or brought up to date whenever a
// worker starts, so many workers starting together converge on one schedule. Sweeps never overlap (a sweep
// still running when the next is due makes the next one pointless). The horizon, the moment the relay first
// ran with the sweep on, is written into the schedule's action once and kept on every later update.
// `LEVER_SWEEP_INTERVAL=off` pauses it.
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { RelayConfig } from '../config/relay';
import { ensureSchedule, type ScheduleOutcome } from '../temporal/schedules';
import { OPPORTUNITY_PROCESS, SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { taskQueues } from '../temporal/task-queues';
import { scheduleId } from '../temporal/workflow-ids';
import { leverSweep, type SweepInput } from './bulk';

export const sweepScheduleId = (taskQueue: string) => scheduleId('lever-sweep', taskQueue);

export function sweepScheduleOptions(relay: Pick<RelayConfig, 'lever' | 'temporal'>, intervalMs: number, horizon: number): ScheduleOptions {
  const input: SweepInput = { horizon, overlapMs: relay.lever.sweepOverlapMs, perSecond: relay.lever.bulkTriggerRate };
  return {
    scheduleId: sweepScheduleId(relay.temporal.taskQueue),
    spec: { intervals: [{ every: intervalMs }] },
    action: {
      type: 'startWorkflow',
      workflowType: leverSweep,
      args: [input],
      taskQueue: taskQueues(relay.temporal.taskQueue).main,
      workflowId: `lever-sweep/${relay.temporal.taskQueue}`,
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.integration, value: OPPORTUNITY_PROCESS },
        { key: SEARCH_ATTRIBUTES.status, value: 'sweep' },
      ],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1h' },
    state: { note: `Lever sweep: opportunities updated since the last sweep are looked at again (lever-relay)` },
  };
}

export function ensureSweepSchedule(
  client: Client,
  relay: Pick<RelayConfig, 'lever' | 'temporal'>,
  now = Date.now(),
): Promise<ScheduleOutcome> {
  const interval = relay.lever.sweepIntervalMs;
  return ensureSchedule(client, {
    scheduleId: sweepScheduleId(relay.temporal.taskQueue),
    options:
      interval === undefined
        ? undefined
        : (previous) => {
            // The horizon is the moment the sweep was first switched on: kept on every later update.
            const action = previous?.action;
            const kept = action?.type === 'startWorkflow' ? (action.args?.[0] as SweepInput | undefined)?.horizon : undefined;
            return sweepScheduleOptions(relay, interval, kept ?? now);
          },
    offNote: 'the sweep is switched off (LEVER_SWEEP_INTERVAL=off)',
    onNote: 'the sweep is switched on',
  });
}
