import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The candidate finished recording (Willo `new_response`). */
export interface WilloResponded {
  /** The callback's `webhook-id`: the same callback delivered twice is applied once. */
  callbackId: string;
  participantKey: string;
  responsesUrl?: string;
}

/** The reviewer moved the participant (Willo `stage_change`). */
export interface WilloReviewed {
  callbackId: string;
  participantKey: string;
  stage: string;
}

/** Another trigger stage was entered while the process runs: recorded, never a second invite. */
export interface WilloStageEntered {
  stageId: string;
  triggeredAt: number;
}

export const willoRespondedSignal = defineSignal<[WilloResponded]>('willoResponded');
export const willoReviewedSignal = defineSignal<[WilloReviewed]>('willoReviewed');
export const willoStageEnteredSignal = defineSignal<[WilloStageEntered]>('willoStageEntered');

export type WilloStatus =
  | 'checking'
  | 'invited'
  | 'to-review'
  | 'accepted'
  | 'rejected'
  | 'no-email'
  | 'not-found'
  | 'archived'
  | 'expired'
  | 'withdrawn'
  | 'review-timed-out';

export interface WilloState {
  status: WilloStatus;
  interviewKey: string;
  participantKey?: string;
  /** The participant existed before we asked (an earlier run, or someone in Willo): not invited again. */
  reusedParticipant?: boolean;
  invitedAt?: number;
  respondedAt?: number;
  /** Willo stages the reviewer used that map to neither accepted nor rejected. */
  unmappedStages: string[];
  /** Trigger stages entered after the invite: each recorded, none invites again. */
  laterTriggers: WilloStageEntered[];
  seenCallbacks: string[];
}

export const willoStateQuery = defineQuery<WilloState>('willoState');
