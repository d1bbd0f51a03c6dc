// A Lever client for the few requests the API makes itself (their answers carry secrets that must not
// enter a workflow history): before each request it waits for a turn on the Lever queue, so those requests
// count against the rate limit that every worker shares, like the rest.
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { RelayConfig } from '../config/relay';
import { workflowIds } from '../temporal/workflow-ids';
import { LeverClient } from './client';
import { runOnLeverQueue, type QueuedOptions } from './queued-reads';
import { leverTurn } from './turn-workflow';

/** Resolves once the Lever queue has handed out one task for us: one unit of Lever's rate is ours to spend. */
function waitForLeverTurn(client: Client, taskQueue: string, options: QueuedOptions = {}): Promise<void> {
  return runOnLeverQueue(client, taskQueue, options, (common) =>
    client.workflow.execute(leverTurn, { ...common, workflowId: workflowIds.leverTurn(randomUUID()) }),
  );
}

export function turnTakingLeverClient(
  client: Client,
  config: Pick<RelayConfig, 'lever' | 'temporal'>,
  options: QueuedOptions = {},
): LeverClient {
  return new LeverClient({
    baseUrl: config.lever.baseUrl,
    apiKey: config.lever.apiKey,
    // Before the request's own timeout starts: a turn may wait for a worker longer than a request may take.
    beforeRequest: () => waitForLeverTurn(client, config.temporal.taskQueue, options),
  });
}
