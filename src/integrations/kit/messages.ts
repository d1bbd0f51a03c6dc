// The message every per-opportunity process understands: a newer look at its opportunity, sent by the
// opportunity process after a trigger. Processes never read Lever for a trigger themselves.
import { defineSignal } from '@temporalio/workflow';
import type { OpportunitySnapshot } from '../../lever/snapshot';

export interface OpportunityChange {
  snapshot: OpportunitySnapshot;
  /** Facts older than this are history for this change (see DecisionInput.actOnFactsSince). */
  actOnFactsSince: number;
}

export const opportunityChangedSignal = defineSignal<[OpportunityChange]>('opportunityChanged');
