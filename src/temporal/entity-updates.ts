// Changing an entity workflow that never ends (the settings, the API tokens) with Temporal Updates: the
// first change starts it (later ones join the running one), and an Update Temporal has not answered in time
// (a worker was killed, the server restarted) is asked again with the same update id, which Temporal applies
// once: a retry never changes anything twice.
import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { HttpProblem } from '../http/problems';

/** How long a change waits for Temporal to apply it (workers restarting) before it answers 503; it may still apply. */
export const UPDATE_PATIENCE_MS = 60_000;

/** Starts the entity workflow with an empty input unless it is already running. */
export async function ensureEntityStarted<Input extends object>(
  client: Client,
  workflow: (input: Input) => Promise<void>,
  { workflowId, taskQueue }: { workflowId: string; taskQueue: string },
): Promise<void> {
  await client.workflow.start(workflow, {
    workflowId,
    taskQueue,
    args: [{} as Input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/**
 * The Update, asked again with the same update id until Temporal answers or `patienceMs` has passed; then a
 * 503 that says the change may still apply (`what`: "reload the settings before saving again").
 */
export async function executeUpdateOnce<Ret, Args extends [unknown, ...unknown[]]>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  { advice, patienceMs = UPDATE_PATIENCE_MS }: { advice: string; patienceMs?: number },
): Promise<Ret> {
  const updateId = randomUUID();
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      return await handle.executeUpdate(update, { args, updateId });
    } catch (error) {
      if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || Date.now() > deadline) {
        if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcServiceError((error as Error).cause ?? error))
          throw new HttpProblem(
            503,
            `Temporal has not confirmed the change yet (no worker took it in time, or Temporal is unreachable): it may still be applied; ${advice}`,
            undefined,
            { 'retry-after': '5' },
          );
        throw error;
      }
    }
  }
}
