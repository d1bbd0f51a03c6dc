import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { WotcResult } from '../lever/tags';

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

export type WotcStatus =
  | 'checking'
  | 'survey-sent'
  | 'pre_qualified'
  | 'not_qualified'
  | 'no-email'
  | 'not-found'
  | 'archived'
  | 'expired'
  | 'cancelled';

export interface WotcState {
  status: WotcStatus;
  screeningId?: string;
  remindersSent: number;
  result?: WotcResult;
  startDateReported?: string;
}

export const wotcStateQuery = defineQuery<WotcState>('wotcState');
