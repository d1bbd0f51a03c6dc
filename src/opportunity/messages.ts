// The opportunity process's messages: a trigger ("look at this opportunity again") and the query that
// says what each integration decided. Shared by the API, the worker, tests and the process itself.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OpportunitySnapshot } from '../lever/snapshot';

export type TriggerSource = 'webhook' | 'sweep' | 'backfill' | 'manual';

/** The settings in force when a trigger was made: the API and bulk runs pass them with every trigger. */
export interface TriggerSettings {
  /** The settings workflow's version (0: nothing changed in the console yet). */
  version: number;
  /** The workflow settings of every integration switched on and set up; one left out does nothing new. */
  settings: Partial<Record<string, unknown>>;
  /** Integrations switched on but not set up, by name: what they miss. Their decisions are `nothing: not set up`. */
  notSetUp: Record<string, string[]>;
}

export interface Trigger {
  source: TriggerSource;
  /** The Lever event of a webhook trigger. */
  event?: string;
  /** When the change happened (a webhook's `triggeredAt`) or the trigger was made, epoch ms. */
  at: number;
  /**
   * Facts (an application, a stage entry, a hire) older than this are history: nothing is started for
   * them. 0 = act on the current state whatever its age (manual sync).
   */
  actOnFactsSince: number;
  /** An opportunity listed by a sweep or backfill page: the snapshot itself, so the process reads nothing. */
  snapshot?: OpportunitySnapshot;
  /** Only these integrations (by name) are asked to decide (a backfill for one integration); default all. */
  only?: string[];
  /** The settings in force when the trigger was made; a look uses its newest trigger's. */
  settings?: TriggerSettings;
}

/**
 * Work that a person is waiting for (a webhook, a manual sync) goes before bulk work (sweeps, backfills) on
 * every queue, Lever's above all: Temporal task priority, lower first. Child processes and activities
 * inherit the priority of the run that starts them.
 */
export const TRIGGER_PRIORITY: Record<TriggerSource, number> = { webhook: 2, manual: 2, sweep: 4, backfill: 4 };
/** The pages a sweep or backfill lists come after everything else. */
export const BULK_LISTING_PRIORITY = 5;

/**
 * Lever's stage history, application and archive times and a webhook's `triggeredAt` come from different
 * moments: a fact this much older than the webhook that announced it is still its news.
 */
export const WEBHOOK_FACT_TOLERANCE_MS = 5 * 60_000;

export function webhookTrigger(event: string, triggeredAt: number): Trigger {
  return { source: 'webhook', event, at: triggeredAt, actOnFactsSince: triggeredAt - WEBHOOK_FACT_TOLERANCE_MS };
}

export const triggerSignal = defineSignal<[Trigger]>('trigger');

/** What one integration decided about the opportunity, and why. */
export interface DecisionRecord {
  integration: string;
  decision: 'nothing' | 'start' | 'deliver' | 'perform' | 'undecided';
  reason: string;
  /** Workflow time of the decision, epoch ms. */
  at: number;
  /** The settings version the decision used. */
  settingsVersion?: number;
}

export interface OpportunityState {
  opportunityId: string;
  /** Triggers received by this run (duplicates included). */
  triggers: number;
  /** Exact repeats of a trigger already handled by this run (a redelivered webhook). */
  duplicates: number;
  /**
   * The other half of a hire (candidateHired / candidateArchiveChange of one Lever action) that arrived
   * after a read made for the first half: that read had seen it, so it costs nothing.
   */
  paired: number;
  /** Lever reads of the opportunity by this run. */
  reads: number;
  /** The settings version of this run's latest look. */
  settingsVersion?: number;
  /** Each integration's latest decision. */
  integrations: Record<string, DecisionRecord>;
  /** Every decision of this run, oldest first (at most the last 50). */
  log: DecisionRecord[];
}

export const opportunityStateQuery = defineQuery<OpportunityState>('opportunityState');

/** A sweep's or backfill's progress: its query while it runs, its result when done. */
export interface BulkProgress {
  kind: 'sweep' | 'backfill';
  dryRun: boolean;
  pages: number;
  listed: number;
  /** Opportunities handed to their processes (0 in a dry run). */
  triggered: number;
  /** A dry run's count: integration -> `<decision>: <reason>` -> candidates. */
  decisions: Record<string, Record<string, number>>;
  done: boolean;
}

export const bulkProgressQuery = defineQuery<BulkProgress>('bulkProgress');
