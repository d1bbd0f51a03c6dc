// What the opportunity process decided, read back from Temporal: tests that check that nothing happened
// first wait for the decision that says why, so they cannot pass on a dead pipeline.
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { opportunityStateQuery, type DecisionRecord, type OpportunityState } from '../../src/opportunity/messages';
import { workflowIds } from '../../src/temporal/workflow-ids';
import { waitFor } from './http';

/** The state of the opportunity's latest run: its query while it runs, its result once it has ended. */
export async function opportunityState(client: Client, opportunityId: string): Promise<OpportunityState | undefined> {
  const handle = client.workflow.getHandle(workflowIds.opportunity(opportunityId));
  try {
    const { status } = await handle.describe();
    return status.name === 'RUNNING' ? await handle.query(opportunityStateQuery) : await handle.result();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/**
 * Waits for the latest run's decision for `integration` made at or after `since` (epoch ms) whose reason
 * matches `reason`, and returns it.
 */
export async function decisionOf(
  client: Client,
  opportunityId: string,
  integration: string,
  { since = 0, reason }: { since?: number; reason?: RegExp } = {},
): Promise<DecisionRecord> {
  return waitFor(
    async () => {
      const state = await opportunityState(client, opportunityId);
      return state?.log.find((d) => d.integration === integration && d.at >= since && (!reason || reason.test(d.reason)));
    },
    { what: `a ${integration} decision${reason ? ` matching ${reason}` : ''} for ${opportunityId}` },
  );
}
