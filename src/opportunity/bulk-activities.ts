// Sweeps and backfills walk Lever's opportunity list one page per activity (one Lever request, on the
// rate-limited Lever queue). A listed opportunity is a whole snapshot (applications expanded), so each is
// handed to its opportunity process as the snapshot: it reads nothing again. A dry run asks the same
// decisions the opportunity process would, and only counts them.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { LeverActivities } from '../lever/activities';
import type { LeverClient, OpportunityFilter } from '../lever/client';
import type { LeverLookupCache } from '../lever/lookups';
import { toSnapshot } from '../lever/snapshot';
import { nextOf } from '../lever/sourcing-activities';
import type { OpportunityActivities } from './activities';
import { decideAll, decidersFor } from './decide';
import type { Trigger, TriggerSettings } from './messages';
import type { OpportunityTriggers } from './trigger';
import { integrationProcessId } from '../temporal/workflow-ids';

/** Which opportunities a sweep or backfill walks. */
export interface ListFilter {
  /** Epoch ms: updated at or after (a sweep's window). */
  updatedSince?: number;
  /** Epoch ms: created at or after (a backfill's `--applied-since`). */
  createdSince?: number;
  postingId?: string;
  stageId?: string;
  /** Open (not archived) opportunities only. */
  openOnly?: boolean;
}

/** The trigger every listed opportunity gets, less its snapshot and time. */
export type BulkTrigger = Pick<Trigger, 'source' | 'actOnFactsSince' | 'only'>;

export interface BulkPage {
  listed: number;
  triggered: number;
  /** Pass back as `offset`; absent on the last page. */
  next?: string;
  /** A dry run's count of decisions: integration -> `<decision>: <reason>` -> candidates. */
  decisions?: Record<string, Record<string, number>>;
}

/** Signal-with-starts in flight at once while a page is handed over. */
const TRIGGER_CONCURRENCY = 10;

function toLeverFilter(filter: ListFilter, offset: string | undefined): OpportunityFilter {
  return {
    expand: 'applications',
    limit: 100,
    ...(offset ? { offset } : {}),
    ...(filter.updatedSince !== undefined ? { updated_at_start: filter.updatedSince } : {}),
    ...(filter.createdSince !== undefined ? { created_at_start: filter.createdSince } : {}),
    ...(filter.postingId ? { posting_id: filter.postingId } : {}),
    ...(filter.stageId ? { stage_id: filter.stageId } : {}),
    ...(filter.openOnly ? { archived: false } : {}),
  };
}

export interface BulkDeps {
  lever: LeverClient;
  cache: LeverLookupCache;
  client: Client;
  triggers: OpportunityTriggers;
  /** The settings in force now (a worker's live settings). */
  settings: () => TriggerSettings;
  leverActivities: Pick<LeverActivities, 'leverRefreshLookup'>;
  opportunityActivities: OpportunityActivities;
}

export function createBulkActivities({ lever, cache, client, triggers, settings, leverActivities, opportunityActivities }: BulkDeps) {
  async function listPage(filter: ListFilter, offset: string | undefined) {
    const readAt = Date.now();
    const page = await lever.listOpportunities(toLeverFilter(filter, offset));
    const snapshots = page.data.map((opportunity) => {
      const snapshot = toSnapshot(opportunity, readAt);
      snapshot.lookups = cache.fill(snapshot);
      return snapshot;
    });
    return { snapshots, next: nextOf(page) };
  }

  return {
    /** One page of opportunities, each handed to its opportunity process with this trigger. */
    async leverTriggerPage(filter: ListFilter, offset: string | undefined, trigger: BulkTrigger): Promise<BulkPage> {
      const { snapshots, next } = await listPage(filter, offset);
      const at = Date.now();
      for (let i = 0; i < snapshots.length; i += TRIGGER_CONCURRENCY) {
        Context.current().heartbeat();
        await Promise.all(
          snapshots
            .slice(i, i + TRIGGER_CONCURRENCY)
            .map((snapshot) => triggers.trigger(client, snapshot.opportunityId, { ...trigger, at, snapshot })),
        );
      }
      return { listed: snapshots.length, triggered: snapshots.length, ...(next ? { next } : {}) };
    },

    /**
     * One page, decided but not acted on: the decisions the opportunity processes would make, counted. A
     * lookup the cache lacks is fetched here (one more request, at most once per worker per TTL).
     */
    async leverDryRunPage(filter: ListFilter, offset: string | undefined, trigger: BulkTrigger): Promise<BulkPage> {
      const { snapshots, next } = await listPage(filter, offset);
      const decisions: Record<string, Record<string, number>> = {};
      for (const snapshot of snapshots) {
        Context.current().heartbeat();
        const current = settings();
        const deciders = decidersFor(current.settings, [{ ...trigger, at: Date.now() }]);
        for (const [name, missing] of Object.entries(current.notSetUp)) {
          if (trigger.only && !trigger.only.includes(name)) continue;
          const counts = (decisions[name] ??= {});
          const reason = `nothing: not set up: ${missing.join('; ')}`;
          counts[reason] = (counts[reason] ?? 0) + 1;
        }
        const { decisions: decided } = await decideAll(snapshot, deciders, {
          lookup: (kind, live) => leverActivities.leverRefreshLookup(kind, live),
          processes: async (names) => {
            const ids = names.map((name) => integrationProcessId(name, snapshot.opportunityId));
            const described = await opportunityActivities.describeProcesses(ids);
            return Object.fromEntries(names.map((name, i) => [name, described[ids[i]]]));
          },
        });
        for (const [integration, decision] of decided) {
          const reason =
            decision.kind === 'need' ? `undecided: still needs ${decision.needs.join(', ')}` : `${decision.kind}: ${decision.reason}`;
          const counts = (decisions[integration] ??= {});
          counts[reason] = (counts[reason] ?? 0) + 1;
        }
      }
      return { listed: snapshots.length, triggered: 0, ...(next ? { next } : {}), decisions };
    },
  };
}

export type BulkActivities = ReturnType<typeof createBulkActivities>;
