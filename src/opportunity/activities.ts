// What the opportunity process asks Temporal itself: the state of an integration's per-opportunity
// process (running, or ended with which status). These are the integrations' memory once a process has
// ended, so a decision can tell "already done" from "ended for lack of an email, try again".
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ProcessState } from '../integrations/kit/definition';
import { SEARCH_ATTRIBUTES } from '../temporal/search-attributes';

export function createOpportunityActivities(client: Client) {
  return {
    /** One describe per id (no Lever call); runs on the main queue. */
    async describeProcesses(workflowIds: string[]): Promise<Record<string, ProcessState>> {
      const states = await Promise.all(
        workflowIds.map(async (workflowId): Promise<[string, ProcessState]> => {
          try {
            const description = await client.workflow.getHandle(workflowId).describe();
            const status = description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.status);
            const running = description.status.name === 'RUNNING';
            return [workflowId, { state: running ? 'running' : 'closed', ...(status !== undefined ? { status } : {}) }];
          } catch (error) {
            if (error instanceof WorkflowNotFoundError) return [workflowId, { state: 'none' }];
            throw error;
          }
        }),
      );
      return Object.fromEntries(states);
    },
  };
}

export type OpportunityActivities = ReturnType<typeof createOpportunityActivities>;
