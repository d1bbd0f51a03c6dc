// The skeleton every per-opportunity process shares (WOTC screening, Willo interview, Refty sequence):
// it starts from the snapshot the opportunity process read, keeps the newest one it is sent, tells whether
// the opportunity is open, hired, archived or gone, applies each partner callback once, records its status,
// and carries its state over with continue-as-new. Processes never read Lever to learn about a trigger.
import { condition, continueAsNew, setHandler, workflowInfo, type QueryDefinition, type Workflow } from '@temporalio/workflow';
import type { OpportunitySnapshot } from '../../lever/snapshot';
import { leverActivities } from './activity-proxies';
import { opportunityChangedSignal, type OpportunityChange } from './messages';
import { recordStatus } from './process-status';
import { noteStop, type StopNote, type StopNoteSettings } from './stop-notes';

export interface ProcessStateBase {
  status: string;
  /** `webhook-id`s of the partner callbacks applied: the same callback delivered again changes nothing. */
  seenCallbacks: string[];
  /**
   * Set when the process ended because the candidate was deleted in Lever (a `candidateDeleted`, or a read
   * that no longer finds the opportunity), so its record says why it stopped, not just what it cancelled.
   */
  endedBecause?: 'deleted in Lever';
}

export type Standing = 'open' | 'hired' | 'archived' | 'deleted';

/** Hired is an archive with a reason of type `hired`: the snapshot carries that lookup whenever it is archived. */
export function standingOf(snapshot: OpportunitySnapshot): Standing {
  if (snapshot.deleted) return 'deleted';
  if (!snapshot.archived) return 'open';
  return snapshot.lookups.hired ? 'hired' : 'archived';
}

export class OpportunityProcess<S extends ProcessStateBase> {
  /** The newest look at the opportunity: the input's, then each delivered change. */
  latest: OpportunitySnapshot;
  private readonly changes: OpportunityChange[] = [];
  private readonly seen: Set<string>;

  constructor(
    readonly opportunityId: string,
    snapshot: OpportunitySnapshot,
    readonly state: S,
    stateQuery: QueryDefinition<S>,
  ) {
    this.latest = snapshot;
    this.seen = new Set(state.seenCallbacks);
    setHandler(stateQuery, () => ({ ...this.state }));
    setHandler(opportunityChangedSignal, (change) => {
      if (change.snapshot.readAt >= this.latest.readAt) this.latest = change.snapshot;
      this.changes.push(change);
    });
  }

  get standing(): Standing {
    return standingOf(this.latest);
  }

  /** True the first time a callback (by its `webhook-id`) is seen. */
  firstDelivery(callbackId: string): boolean {
    if (this.seen.has(callbackId)) return false;
    this.seen.add(callbackId);
    this.state.seenCallbacks.push(callbackId);
    return true;
  }

  /** The changes delivered since the last call, oldest first. */
  takeChanges(): OpportunityChange[] {
    return this.changes.splice(0);
  }

  get hasChanges(): boolean {
    return this.changes.length > 0;
  }

  setStatus(status: S['status']): void {
    recordStatus(this.state, status);
  }

  /** Sets the final status and returns the state as the workflow's result. */
  finish(status: S['status']): S {
    if (this.standing === 'deleted') this.state.endedBecause = 'deleted in Lever';
    return recordStatus(this.state, status);
  }

  /** Ends because the flow cannot go on: says so in Lever (once; unless switched off), then the final status. */
  async stop(status: S['status'], note: StopNote, settings: StopNoteSettings): Promise<S> {
    await noteStop(this.opportunityId, settings, note);
    return this.finish(status);
  }

  /**
   * One timer per wait: resolves when `ready()` holds or a change arrives (true), or when `timeoutMs` runs
   * out (false). Without a timeout it waits as long as it takes.
   */
  async wait(ready: () => boolean, timeoutMs?: number): Promise<boolean> {
    const woken = () => ready() || this.changes.length > 0;
    if (timeoutMs === undefined) {
      await condition(woken);
      return true;
    }
    return condition(woken, Math.max(timeoutMs, 1));
  }

  /**
   * Leaves exactly `tag` of `family` on the opportunity, writing nothing that is already so. `snapshot`:
   * the write answers the newest snapshot (an invite sent for it), so its tags are the truth and no extra
   * read is needed; `read`: the write answers a partner, maybe days later, so the tags are read first.
   * Our own writes are applied to the snapshot, so a later write from it starts from the truth.
   */
  async setExclusiveTag(tag: string, family: readonly string[], basis: 'snapshot' | 'read'): Promise<void> {
    const lever = leverActivities();
    const snapshot = this.latest;
    const tags = basis === 'snapshot' && !snapshot.deleted ? snapshot.tags : await lever.leverReadTags(this.opportunityId);
    if (!tags.includes(tag)) await lever.leverAddTags(this.opportunityId, [tag]);
    const stale = family.filter((other) => other !== tag && tags.includes(other));
    if (stale.length > 0) await lever.leverRemoveTags(this.opportunityId, stale);
    if (!snapshot.deleted) snapshot.tags = [...tags.filter((t) => !stale.includes(t)), ...(tags.includes(tag) ? [] : [tag])];
  }

  /**
   * Continues as new when Temporal suggests it and nothing is pending (`quiet`, and no undelivered change):
   * a fresh run starts from `next()` and the newest snapshot, so nothing is lost in the hand-over.
   */
  async carryOnIfLong<W extends Workflow>(quiet: boolean, next: () => Parameters<W>[0]): Promise<void> {
    if (workflowInfo().continueAsNewSuggested && quiet && this.changes.length === 0) {
      await continueAsNew<W>(...([next()] as Parameters<W>));
    }
  }
}
