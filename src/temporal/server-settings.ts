// What the relay needs from a Temporal server besides our search attributes: task priority, so work a
// person waits for (webhooks) goes before bulk work (sweeps, backfills) on the rate-limited Lever queue.
// Servers before auto-enabling it need the new matcher switched on (dynamic config); Temporal Cloud has it.

/** `KEY=VALUE` dynamic config for `temporal server start-dev --dynamic-config-value` and cluster configs. */
export const DYNAMIC_CONFIG: readonly string[] = ['matching.useNewMatcher=true'];

export const DYNAMIC_CONFIG_FLAGS: string[] = DYNAMIC_CONFIG.flatMap((value) => ['--dynamic-config-value', value]);
