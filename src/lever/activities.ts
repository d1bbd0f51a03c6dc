// Lever activities: each makes at most one Data API request (see LeverClient), so the Lever task queue's
// server-side rate limit counts requests exactly. They return only what workflows need, so histories stay
// small and carry as little personal data as possible.
import { HTTP_FAILURE } from '../http/failure-types';
import type { LeverClient } from './client';
import type { LeverLookupCache } from './lookups';
import { performQueuedRead, type QueuedRead } from './queued-read';
import { toSnapshot, type LiveOpportunity, type LookupKind, type OpportunitySnapshot, type SnapshotLookups } from './snapshot';
import { createLeverSourcingActivities } from './sourcing-activities';

export interface ReadOpportunityResult {
  snapshot: OpportunitySnapshot;
  /** Lookups the worker's cache could not fill; the workflow refreshes those it needs. */
  missing: LookupKind[];
}

const isNotFound = (error: unknown) => (error as { type?: string }).type === HTTP_FAILURE.notFound;

/** What a lookup says when Lever has nothing for it: an unknown stage is named by its id, nothing is hired, no tags. */
function fallbackOf(kind: LookupKind, snapshot: LiveOpportunity): SnapshotLookups[LookupKind] {
  return kind === 'stageName' ? snapshot.stage.stageId : kind === 'hired' ? false : [];
}

export function createLeverActivities(lever: LeverClient, cache: LeverLookupCache) {
  const inFlight = new Map<string, Promise<void>>();

  /** One Lever request that fills one kind of reference data in the cache. */
  async function fetchLookup(kind: LookupKind, snapshot: LiveOpportunity): Promise<void> {
    switch (kind) {
      case 'stageName':
        cache.setStages((await lever.listStages({ limit: 100 })).data.map((s) => ({ id: s.id, text: s.text })));
        return;
      case 'hired':
        cache.setHiredReasonIds((await lever.listArchiveReasons('hired')).data.map((reason) => reason.id));
        return;
      case 'postingTags': {
        if (!snapshot.postingId) return;
        try {
          cache.postingTags.set(snapshot.postingId, (await lever.getPosting(snapshot.postingId)).tags ?? []);
        } catch (error) {
          // A posting the key cannot see (confidential, deleted) has no tags for us.
          if (isNotFound(error)) cache.postingTags.set(snapshot.postingId, []);
          else throw error;
        }
        return;
      }
    }
  }

  /** The lookups a snapshot could carry but the cache lacks. */
  const missingFor = (snapshot: LiveOpportunity, lookups: SnapshotLookups): LookupKind[] => [
    ...(lookups.stageName === undefined ? (['stageName'] as const) : []),
    ...(snapshot.archived && lookups.hired === undefined ? (['hired'] as const) : []),
    ...(snapshot.postingId && lookups.postingTags === undefined ? (['postingTags'] as const) : []),
  ];

  return {
    ...createLeverSourcingActivities(lever),

    /** One read of the opportunity (applications expanded); reference data from the cache only. */
    async leverReadOpportunity(opportunityId: string): Promise<ReadOpportunityResult> {
      const readAt = Date.now();
      let snapshot: LiveOpportunity;
      try {
        snapshot = toSnapshot(await lever.getOpportunity(opportunityId), readAt);
      } catch (error) {
        if (isNotFound(error)) return { snapshot: { opportunityId, readAt, deleted: true }, missing: [] };
        throw error;
      }
      snapshot.lookups = cache.fill(snapshot);
      return { snapshot, missing: missingFor(snapshot, snapshot.lookups) };
    },

    /**
     * The value of one kind of reference data for this opportunity, filling this worker's cache: from the
     * cache when another refresh filled it meanwhile (many runs miss together on a cold cache; only the first
     * asks Lever), else one request, shared by concurrent refreshes of the same thing in this worker. The
     * stage list is read whole (one page of up to 100: accounts have a few dozen stages).
     */
    async leverRefreshLookup(kind: LookupKind, snapshot: LiveOpportunity): Promise<SnapshotLookups> {
      const cached = cache.fill(snapshot)[kind];
      if (cached !== undefined) return { [kind]: cached };
      const key = kind === 'postingTags' ? `${kind}:${snapshot.postingId}` : kind;
      let refresh = inFlight.get(key);
      if (!refresh) {
        refresh = fetchLookup(kind, snapshot).finally(() => inFlight.delete(key));
        inFlight.set(key, refresh);
      }
      await refresh;
      return { [kind]: cache.fill(snapshot)[kind] ?? fallbackOf(kind, snapshot) };
    },

    /** The opportunity's current tags: for a write long after the last snapshot. */
    async leverReadTags(opportunityId: string): Promise<string[]> {
      return (await lever.getOpportunity(opportunityId)).tags ?? [];
    },
    async leverAddTags(opportunityId: string, tags: string[]): Promise<void> {
      await lever.addTags(opportunityId, tags);
    },
    async leverRemoveTags(opportunityId: string, tags: string[]): Promise<void> {
      await lever.removeTags(opportunityId, tags);
    },
    /** A read for code outside a workflow, rate-limited like the rest (see queued-reads). */
    async leverQueuedRead(read: QueuedRead): Promise<unknown> {
      return performQueuedRead(lever, read);
    },
    /** Nothing to do: the Lever queue handing out this task is the turn (see turn-workflow). */
    async leverTakeTurn(): Promise<void> {},
  };
}

export type LeverActivities = ReturnType<typeof createLeverActivities>;
