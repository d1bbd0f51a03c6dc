import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ReftyRule } from './refty-rules';

/** A confirmed entry into the stage linked to `stepId`; `triggeredAt` tells re-entries apart. */
export interface ReftyStepRequested {
  stepId: string;
  triggeredAt: number;
}

export type ReftyRequestOutcome = 'completed' | 'expired' | 'declined';

/** A Refty callback about one request. */
export interface ReftyRequestUpdate {
  /** The callback's `webhook-id`: the same callback delivered twice is applied once. */
  callbackId: string;
  outcome: ReftyRequestOutcome;
  requestId: string;
  stepId: string;
  reportUrl?: string;
}

export const reftyStepRequestedSignal = defineSignal<[ReftyStepRequested]>('reftyStepRequested');
export const reftyRequestUpdateSignal = defineSignal<[ReftyRequestUpdate]>('reftyRequestUpdate');

export type ReftyStatus = 'checking' | 'active' | 'not-covered' | 'not-found' | 'archived' | 'cancelled';

export interface ReftyRequestRecord {
  requestId: string;
  stepId: string;
  triggeredAt: number;
  status: 'sent' | ReftyRequestOutcome | 'cancelled';
}

export interface ReftyState {
  status: ReftyStatus;
  rule?: ReftyRule;
  /** Set once the candidate has joined the rule's sequence (needs an email). */
  candidateId?: string;
  requests: ReftyRequestRecord[];
  /** Step requests that sent nothing, and why (no email, unknown step...). */
  skipped: (ReftyStepRequested & { reason: string })[];
  /** `stepId@triggeredAt` of every step request handled: the same stage entry never sends twice. */
  handled: string[];
  seenCallbacks: string[];
}

export const reftyStateQuery = defineQuery<ReftyState>('reftyState');
