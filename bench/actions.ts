// Billable Temporal Cloud actions counted from a workflow history: the start, each activity attempt,
// each timer, each signal received, each search-attribute upsert, each child workflow or marker.
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

export function billableActions(history: History): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  const add = (kind: string, n = 1) => (byKind[kind] = (byKind[kind] ?? 0) + n);
  for (const event of history.events ?? []) {
    if (event.workflowExecutionStartedEventAttributes) add('start');
    else if (event.activityTaskStartedEventAttributes) add('activity attempts', event.activityTaskStartedEventAttributes.attempt ?? 1);
    else if (event.timerStartedEventAttributes) add('timers');
    else if (event.workflowExecutionSignaledEventAttributes) add('signals');
    else if (event.upsertWorkflowSearchAttributesEventAttributes) add('search-attribute upserts');
    else if (event.startChildWorkflowExecutionInitiatedEventAttributes) add('child workflows');
    else if (event.markerRecordedEventAttributes) add('markers');
    else if (event.workflowExecutionContinuedAsNewEventAttributes) add('continue-as-new');
  }
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}
