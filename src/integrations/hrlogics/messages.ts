// The WOTC screening process's messages, state and settings: shared by the process, its callbacks, the
// API and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ProcessInput } from '../kit/definition';
import type { StopNoteSettings } from '../kit/stop-notes';
import type { ProcessStateBase } from '../kit/process';
import type { WotcResult } from './tags';

export interface WotcSettings extends StopNoteSettings {
  reminderIntervalMs: number;
  maxReminders: number;
  expiryMs: number;
  /** How long to keep waiting for the hire after a pre-qualified result. */
  hireWaitMs: number;
}

export interface ScreeningCompleted {
  /** The callback's `webhook-id`: the same callback delivered twice is applied once. */
  callbackId: string;
  screeningId: string;
  result: WotcResult;
}

export interface ScreeningExpired {
  callbackId: string;
  screeningId: string;
}

export const screeningCompletedSignal = defineSignal<[ScreeningCompleted]>('screeningCompleted');
export const screeningExpiredSignal = defineSignal<[ScreeningExpired]>('screeningExpired');

export type WotcStatus = 'starting' | 'survey-sent' | 'pre_qualified' | 'not_qualified' | 'no-email' | 'archived' | 'expired' | 'cancelled';

export interface WotcState extends ProcessStateBase {
  status: WotcStatus;
  screeningId?: string;
  /** When the survey went out: reminders and expiry count from here, across continue-as-new. */
  surveySentAt?: number;
  remindersSent: number;
  result?: WotcResult;
  startDateReported?: string;
}

export type WotcInput = ProcessInput<WotcSettings, WotcState>;

export const wotcStateQuery = defineQuery<WotcState>('wotcState');

/**
 * Ends after which a new trigger may start the screening again: none of them sent a survey. Every other
 * end (a result, an expiry, a cancellation) is final for this application.
 */
export const WOTC_RESTARTABLE: readonly WotcStatus[] = ['no-email', 'archived'];
