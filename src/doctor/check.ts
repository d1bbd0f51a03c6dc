// One line of `npm run doctor`: what was checked, whether it holds, and when not, how to fix it.
import type { Client } from '@temporalio/client';
import type { RelayConfig } from '../config/relay';
import type { LeverReads } from '../lever/queued-reads';
import type { LeverStage, LeverUser } from '../lever/types';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about a failure. */
  fix?: string;
  /** The integration whose check it is (none for the relay's own). */
  integration?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, ok: false, detail, fix });

/** What checks share: the live Lever account (each list read once) and Temporal. */
export interface CheckContext {
  relay: RelayConfig;
  /** Direct for `npm run doctor`; through the rate-limited Lever queue in a worker. */
  lever: LeverReads;
  temporal: Client;
  stages(): Promise<LeverStage[]>;
  /** The users with this email, deactivated ones included. */
  usersByEmail(email: string): Promise<LeverUser[]>;
}

/** The message of a failure, for a detail column. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
