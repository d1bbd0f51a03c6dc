// The Wintro vacancy sync's Temporal Schedule (every 4 hours by default), created or brought up to date
// whenever a worker starts, so a changed interval or task queue takes effect on the next deploy and many
// workers starting together converge on one schedule. Switching Wintro off pauses it.
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { toMs } from '../../config/env';
import { ensureSchedule, type ScheduleOutcome } from '../../temporal/schedules';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { taskQueues } from '../../temporal/task-queues';
import { integrationProcessId, scheduleId } from '../../temporal/workflow-ids';
import type { WintroConfig } from './config';
import { wintroVacancySync } from './sync-workflow';

/** The sync on demand (the "Sync" button) of one deployment (its task queue): a second click while one runs joins it. */
export const wintroSyncId = (taskQueue: string) => integrationProcessId('wintro', 'sync', taskQueue);
/** Runs the schedule starts get the schedule's own id (plus its timestamp). */
const scheduledSyncId = (taskQueue: string) => integrationProcessId('wintro', 'sync', taskQueue, 'scheduled');

/** What a sync run is, whoever starts it: the schedule or the "Sync" button (`POST /admin/wintro/sync`). */
export function wintroSyncRun(taskQueue: string) {
  return {
    workflow: wintroVacancySync,
    taskQueue: taskQueues(taskQueue).main,
    args: [{}] as Parameters<typeof wintroVacancySync>,
    searchAttributes: [
      { key: SEARCH_ATTRIBUTES.integration, value: 'wintro' },
      { key: SEARCH_ATTRIBUTES.status, value: 'vacancies' },
    ],
  };
}

export function wintroSyncScheduleOptions(section: WintroConfig, taskQueue: string): ScheduleOptions {
  const { searchAttributes, workflow, ...run } = wintroSyncRun(taskQueue);
  return {
    scheduleId: scheduleId('wintro-sync', taskQueue),
    spec: { intervals: [{ every: toMs(section.syncInterval) }] },
    action: {
      type: 'startWorkflow',
      workflowType: workflow,
      ...run,
      workflowId: scheduledSyncId(taskQueue),
      typedSearchAttributes: searchAttributes,
    },
    // A sync still running when the next is due makes the next one pointless.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1h' },
    state: { note: 'Wintro vacancy and exclusion sync (lever-relay)' },
  };
}

export function ensureWintroSyncSchedule(client: Client, section: WintroConfig, taskQueue: string): Promise<ScheduleOutcome> {
  return ensureSchedule(client, {
    scheduleId: scheduleId('wintro-sync', taskQueue),
    options: section.enabled ? () => wintroSyncScheduleOptions(section, taskQueue) : undefined,
    offNote: 'Wintro is switched off (WINTRO_ENABLED)',
    onNote: 'Wintro is switched on',
  });
}
