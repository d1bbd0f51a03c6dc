// Node side of "look at this opportunity again": the signal-with-start of its process. One Temporal call
// (one billable action) whether the process runs or not; used by the webhook ingress, and by anything else
// that triggers (sweep, backfill, manual sync).
import { WorkflowIdReusePolicy, type Client, type WorkflowSignalWithStartOptions } from '@temporalio/client';
import { integrationSettings, type Config } from '../assembly/config';
import { OPPORTUNITY_PROCESS, SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { taskQueues } from '../temporal/task-queues';
import { workflowIds } from '../temporal/workflow-ids';
import { TRIGGER_PRIORITY, triggerSignal, type Trigger, type TriggerSettings } from './messages';
import { opportunityProcess, type OpportunityInput } from './workflow';

export type TriggerOptions = WorkflowSignalWithStartOptions<[Trigger]> & { args: [OpportunityInput] };

/** The environment's settings alone, for callers without live settings (tests, tools). */
export function fixedTriggerSettings(config: Config): () => TriggerSettings {
  const fixed: TriggerSettings = { version: 0, settings: integrationSettings(config), notSetUp: {} };
  return () => fixed;
}

/**
 * Builds the signal-with-start of opportunities' processes. Every trigger carries the settings in force
 * (`current()`, the live settings of this API or worker), so the process decides with the newest and
 * records their version.
 */
export function opportunityTriggers(config: Config, current: () => TriggerSettings = fixedTriggerSettings(config)) {
  const taskQueue = taskQueues(config.temporal.taskQueue).main;
  return {
    options(opportunityId: string, trigger: Trigger): TriggerOptions {
      return {
        workflowId: workflowIds.opportunity(opportunityId),
        taskQueue,
        args: [{ opportunityId, pairWindowMs: config.opportunity.pairWindowMs }],
        signal: triggerSignal,
        signalArgs: [{ ...trigger, settings: current() }],
        // Each run ends when nothing is pending; the next trigger starts a new one.
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        // Used when this trigger starts the run: its activities and children inherit it.
        priority: { priorityKey: TRIGGER_PRIORITY[trigger.source] },
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
          { key: SEARCH_ATTRIBUTES.integration, value: OPPORTUNITY_PROCESS },
        ],
      };
    },
    /** Signals the opportunity's process, starting it first when none runs. */
    trigger(client: Client, opportunityId: string, trigger: Trigger) {
      return client.workflow.signalWithStart(opportunityProcess, this.options(opportunityId, trigger));
    },
  };
}

export type OpportunityTriggers = ReturnType<typeof opportunityTriggers>;
