// The Refty sequence process's messages, state and settings: shared by the process, its callbacks, the
// API and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ProcessInput } from '../kit/definition';
import type { StopNoteSettings } from '../kit/stop-notes';
import type { ProcessStateBase } from '../kit/process';
import type { ReftyRule } from './rules';

export interface ReftySettings extends StopNoteSettings {
  rules: ReftyRule[];
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

export const reftyRequestUpdateSignal = defineSignal<[ReftyRequestUpdate]>('reftyRequestUpdate');

export type ReftyStatus = 'starting' | 'active' | 'not-covered' | 'archived' | 'cancelled';

export interface ReftyRequestRecord {
  requestId: string;
  stepId: string;
  /** The stage entry (`<stageId>@<enteredAt>`) that sent it. */
  entry: string;
  status: 'sent' | ReftyRequestOutcome | 'cancelled';
}

export interface ReftyState extends ProcessStateBase {
  status: ReftyStatus;
  rule?: ReftyRule;
  /** Set once the candidate has joined the rule's sequence (needs an email). */
  candidateId?: string;
  requests: ReftyRequestRecord[];
  /** Step entries that sent nothing, and why (no email...). */
  skipped: { stepId: string; entry: string; reason: string }[];
  /** `<stepId>/<stageId>@<enteredAt>` of every step entry handled: the same stage entry never sends twice. */
  handled: string[];
}

export type ReftyInput = ProcessInput<ReftySettings, ReftyState>;

export const reftyStateQuery = defineQuery<ReftyState>('reftyState');
