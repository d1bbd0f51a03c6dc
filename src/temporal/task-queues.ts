/**
 * Workflows and partner activities share the main queue. Lever activities have a queue of their own so
 * that the server-side `maxTaskQueueActivitiesPerSecond` caps all workers together under Lever's per-key limit.
 */
export function taskQueues(base: string) {
  return { main: base, lever: `${base}-lever` } as const;
}
export type TaskQueues = ReturnType<typeof taskQueues>;
