// What the relay needs from a Temporal server besides our search attributes: task priority, so work a
// person waits for (webhooks) goes before bulk work (sweeps, backfills) on the rate-limited Lever queue.
// Servers before auto-enabling it need the new matcher switched on (dynamic config); Temporal Cloud has it.
// And eager activity dispatch: an activity that a workflow schedules on its own task queue (the main one:
// describes, partner calls) comes back with the workflow task's completion instead of a later poll, one
// round trip less per step of a flow. Lever activities run on their own queue, so they are never eager and
// its rate limit holds.

/** `KEY=VALUE` dynamic config for `temporal server start-dev --dynamic-config-value` and cluster configs. */
export const DYNAMIC_CONFIG: readonly string[] = ['matching.useNewMatcher=true', 'system.enableActivityEagerExecution=true'];

export const DYNAMIC_CONFIG_FLAGS: string[] = DYNAMIC_CONFIG.flatMap((value) => ['--dynamic-config-value', value]);
