// The Willo interview process's messages, state and settings: shared by the process, its callbacks, the
// API and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ProcessInput } from '../kit/definition';
import type { StopNoteSettings } from '../kit/stop-notes';
import type { ProcessStateBase } from '../kit/process';

export interface WilloSettings extends StopNoteSettings {
  /** The `<Account>` of posting tags `Willo:<Interview>-<Account>`. */
  account: string;
  /** Lever stages (ids or names, case-insensitive) whose entry invites. */
  triggerStages: string[];
  /** Willo stage names (case-insensitive) that mean accepted / rejected. */
  acceptedStages: string[];
  rejectedStages: string[];
  inviteExpiryMs: number;
  /** How long to wait for the reviewer once the candidate has responded. */
  reviewWaitMs: number;
}

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

export const willoRespondedSignal = defineSignal<[WilloResponded]>('willoResponded');
export const willoReviewedSignal = defineSignal<[WilloReviewed]>('willoReviewed');

export type WilloStatus =
  | 'starting'
  | 'invited'
  | 'to-review'
  | 'accepted'
  | 'rejected'
  | 'no-email'
  | 'no-interview'
  | 'archived'
  | 'expired'
  | 'withdrawn'
  | 'review-timed-out';

export interface WilloState extends ProcessStateBase {
  status: WilloStatus;
  interview?: { key: string; title: string };
  participantKey?: string;
  /** The participant existed before we asked (an earlier run, or someone in Willo): not invited again. */
  reusedParticipant?: boolean;
  /** The stage entry (`<stageId>@<enteredAt>`) that invited. */
  invitedFor?: string;
  invitedAt?: number;
  respondedAt?: number;
  /** Willo stages the reviewer used that map to neither accepted nor rejected. */
  unmappedStages: string[];
  /** Trigger-stage entries after the invite: each recorded, none invites again. */
  laterTriggers: string[];
}

export type WilloInput = ProcessInput<WilloSettings, WilloState>;

export const willoStateQuery = defineQuery<WilloState>('willoState');

/**
 * Ends after which a new entry into a trigger stage may invite again: nothing reached the candidate, or
 * the invite was withdrawn when they were archived. After any other end there is one invite per candidate.
 */
export const WILLO_RESTARTABLE: readonly WilloStatus[] = ['no-email', 'no-interview', 'archived', 'withdrawn'];
