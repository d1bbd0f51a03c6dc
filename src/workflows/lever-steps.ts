// Workflow-side Lever steps shared by several flows. Each step reads before it writes, because Lever has
// no idempotency keys: a retried or replayed step must leave Lever exactly as one run would.
import type { CandidateSnapshot } from '../activities';
import { isNotFound, leverActivities } from './activity-proxies';

/** Leaves exactly `tag` of `family` on the opportunity; writes nothing when that is already so. */
export async function setExclusiveTag(opportunityId: string, tag: string, family: readonly string[]): Promise<void> {
  const lever = leverActivities();
  const { tags } = await lever.leverReadCandidate(opportunityId);
  if (!tags.includes(tag)) await lever.leverAddTags(opportunityId, [tag]);
  const stale = family.filter((other) => other !== tag && tags.includes(other));
  if (stale.length > 0) await lever.leverRemoveTags(opportunityId, stale);
}

export type CandidateState =
  | { kind: 'deleted' }
  | { kind: 'open'; candidate: CandidateSnapshot }
  | { kind: 'hired'; candidate: CandidateSnapshot; hiredAt: number }
  | { kind: 'archived'; candidate: CandidateSnapshot };

/** Reads the opportunity and says whether it is open, hired, archived (not hired) or gone. */
export class CandidateReader {
  private hiredReasons?: string[];

  constructor(private readonly opportunityId: string) {}

  async read(): Promise<CandidateState> {
    const lever = leverActivities();
    let candidate: CandidateSnapshot;
    try {
      candidate = await lever.leverReadCandidate(this.opportunityId);
    } catch (error) {
      if (isNotFound(error)) return { kind: 'deleted' };
      throw error;
    }
    if (!candidate.archived) return { kind: 'open', candidate };
    this.hiredReasons ??= await lever.leverHiredArchiveReasonIds();
    if (candidate.archived.reason && this.hiredReasons.includes(candidate.archived.reason)) {
      return { kind: 'hired', candidate, hiredAt: candidate.archived.archivedAt };
    }
    return { kind: 'archived', candidate };
  }
}
