// Messages every per-opportunity process understands, so archive/delete can be fanned out by id alone.
import { defineSignal } from '@temporalio/workflow';

export interface OpportunityEventSignal {
  event: 'candidateHired' | 'candidateArchiveChange' | 'candidateDeleted';
  triggeredAt: number;
}

/** The candidate was archived or deleted: the process confirms against Lever, then stops. */
export const opportunityClosedSignal = defineSignal<[OpportunityEventSignal]>('opportunityClosed');
/** The candidate was hired: processes that care confirm against Lever. */
export const candidateHiredSignal = defineSignal<[OpportunityEventSignal]>('candidateHired');
