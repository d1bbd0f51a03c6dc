// Lever activities: each makes at most one Data API request (see LeverClient), so the Lever task queue's
// server-side rate limit counts requests exactly. They return only what workflows need, so histories stay
// small and carry as little personal data as possible.
import { HTTP_FAILURE } from '../http/failure-types';
import type { LeverClient } from './client';
import type { LeverLookupCache } from './lookups';
import { toSnapshot, type LiveOpportunity, type LookupKind, type OpportunitySnapshot, type SnapshotLookups } from './snapshot';
import { createLeverSourcingActivities } from './sourcing-activities';

export interface ReadOpportunityResult {
  snapshot: OpportunitySnapshot;
  /** Lookups the worker's cache could not fill; the workflow refreshes those it needs. */
  missing: LookupKind[];
}

const isNotFound = (error: unknown) => (error as { type?: string }).type === HTTP_FAILURE.notFound;

export function createLeverActivities(lever: LeverClient, cache: LeverLookupCache) {
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
     * One request that fills one kind of reference data in this worker's cache, and the value for this
     * opportunity. The stage list is read whole (one page of up to 100: accounts have a few dozen stages).
     */
    async leverRefreshLookup(kind: LookupKind, snapshot: LiveOpportunity): Promise<SnapshotLookups> {
      switch (kind) {
        case 'stageName': {
          const page = await lever.listStages({ limit: 100 });
          cache.setStages(page.data.map((s) => ({ id: s.id, text: s.text })));
          return { stageName: cache.stageName(snapshot.stage.stageId) ?? snapshot.stage.stageId };
        }
        case 'hired': {
          const page = await lever.listArchiveReasons('hired');
          const ids = page.data.map((reason) => reason.id);
          cache.setHiredReasonIds(ids);
          return { hired: snapshot.archived?.reasonId != null && ids.includes(snapshot.archived.reasonId) };
        }
        case 'postingTags': {
          if (!snapshot.postingId) return { postingTags: [] };
          try {
            const tags = (await lever.getPosting(snapshot.postingId)).tags ?? [];
            cache.postingTags.set(snapshot.postingId, tags);
            return { postingTags: tags };
          } catch (error) {
            // A posting the key cannot see (confidential, deleted) has no tags for us.
            if (isNotFound(error)) return { postingTags: [] };
            throw error;
          }
        }
      }
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
  };
}

export type LeverActivities = ReturnType<typeof createLeverActivities>;
