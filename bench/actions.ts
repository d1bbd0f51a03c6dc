// Billable Temporal Cloud actions counted from workflow histories, once per action: each run started
// (a signal-with-start that started the run counts once, not as a start and a signal), each signal
// received, each activity attempt, each timer, each search-attribute upsert, each marker, each
// continue-as-new. A child started or a signal sent by a workflow is counted where it lands (the child's
// start, the receiver's signal), not twice.
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

export function billableActions(history: History): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  const add = (kind: string, n = 1) => (byKind[kind] = (byKind[kind] ?? 0) + n);
  const events = history.events ?? [];
  // Signal-with-start: the run's second event is the signal, before its first workflow task.
  const signalWithStart = events[1]?.workflowExecutionSignaledEventAttributes != null;
  events.forEach((event, index) => {
    if (event.workflowExecutionStartedEventAttributes) add(signalWithStart ? 'signal-with-start' : 'start');
    else if (event.workflowExecutionSignaledEventAttributes) {
      if (!(signalWithStart && index === 1)) add('signals');
    } else if (event.activityTaskStartedEventAttributes) add('activity attempts', event.activityTaskStartedEventAttributes.attempt ?? 1);
    else if (event.timerStartedEventAttributes) add('timers');
    else if (event.upsertWorkflowSearchAttributesEventAttributes) add('search-attribute upserts');
    else if (event.markerRecordedEventAttributes) add('markers');
    else if (event.workflowExecutionContinuedAsNewEventAttributes) add('continue-as-new');
  });
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}

export function addActions(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [kind, n] of Object.entries(from)) into[kind] = (into[kind] ?? 0) + n;
  return into;
}
