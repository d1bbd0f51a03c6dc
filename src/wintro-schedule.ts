// The Wintro vacancy sync's Temporal Schedule (every 4 hours by default), created or brought up to date
// whenever a worker starts, so a changed interval or task queue takes effect on the next deploy and many
// workers starting together converge on one schedule. Switching Wintro off pauses it.
import ms from 'ms';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Config } from './config';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from './search-attributes';
import { taskQueues } from './task-queues';
import { scheduleIds, workflowIds } from './workflow-ids';

export type ScheduleOutcome = 'created' | 'updated' | 'paused' | 'absent';

/** What a sync run is, whoever starts it: the schedule or the "Sync" button (`POST /admin/wintro/sync`). */
export function wintroSyncRun(taskQueue: string) {
  return {
    workflowType: 'wintroVacancySync',
    taskQueue: taskQueues(taskQueue).main,
    args: [{}],
    searchAttributes: [
      { key: SEARCH_ATTRIBUTES.integration, value: INTEGRATIONS.wintro },
      { key: SEARCH_ATTRIBUTES.status, value: 'vacancies' },
    ],
  };
}

export function wintroSyncScheduleOptions(config: Pick<Config, 'wintro' | 'temporal'>): ScheduleOptions {
  const queue = config.temporal.taskQueue;
  const { searchAttributes, ...run } = wintroSyncRun(queue);
  return {
    scheduleId: scheduleIds.wintroSync(queue),
    spec: { intervals: [{ every: ms(config.wintro.syncInterval as ms.StringValue) }] },
    action: { type: 'startWorkflow', ...run, workflowId: workflowIds.wintroScheduledSync(queue), typedSearchAttributes: searchAttributes },
    // A sync still running when the next is due makes the next one pointless.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1h' },
    state: { note: 'Wintro vacancy and exclusion sync (lever-relay)' },
  };
}

export async function ensureWintroSyncSchedule(client: Client, config: Pick<Config, 'wintro' | 'temporal'>): Promise<ScheduleOutcome> {
  const options = wintroSyncScheduleOptions(config);
  const handle = client.schedule.getHandle(options.scheduleId);
  if (!config.wintro.enabled) {
    try {
      await handle.pause('Wintro is switched off (WINTRO_ENABLED)');
      return 'paused';
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return 'absent';
      throw error;
    }
  }
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  if ((await handle.describe()).state.paused) await handle.unpause('Wintro is switched on');
  return 'updated';
}
