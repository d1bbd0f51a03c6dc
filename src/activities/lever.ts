// Lever activities: each makes exactly one Data API request (see LeverClient), and returns only the
// fields a workflow needs, so histories stay small and carry as little personal data as possible.
import type { LeverClient } from '../lever/client';
import type { LeverOpportunity } from '../lever/types';
import { createLeverSourcingActivities } from './lever-sourcing';

export interface CandidateContact {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

export interface CandidateSnapshot {
  opportunityId: string;
  /** Undefined when the opportunity has no email: partners that email the candidate cannot act. */
  contact?: CandidateContact;
  postingId?: string;
  stageId: string;
  archived: { archivedAt: number; reason: string | null } | null;
  tags: string[];
}

export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: '', lastName: '' };
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

type ApplicationRef = string | { id: string; posting?: string | null };

export function toSnapshot(opportunity: LeverOpportunity): CandidateSnapshot {
  const email = opportunity.emails?.find((e) => e.trim() !== '');
  const applications = (opportunity.applications ?? []) as ApplicationRef[];
  const expanded = applications.find((a): a is { id: string; posting?: string | null } => typeof a === 'object');
  const stage = opportunity.stage;
  return {
    opportunityId: opportunity.id,
    contact: email
      ? { ...splitName(opportunity.name ?? ''), email, phone: opportunity.phones?.[0]?.value }
      : undefined,
    postingId: expanded?.posting ?? opportunity.postings?.[0] ?? undefined,
    stageId: typeof stage === 'string' ? stage : stage?.id,
    archived: opportunity.archived ? { archivedAt: opportunity.archived.archivedAt, reason: opportunity.archived.reason ?? null } : null,
    tags: opportunity.tags ?? [],
  };
}

export function createLeverActivities(lever: LeverClient) {
  return {
    ...createLeverSourcingActivities(lever),
    async leverReadCandidate(opportunityId: string): Promise<CandidateSnapshot> {
      return toSnapshot(await lever.getOpportunity(opportunityId));
    },
    async leverAddTags(opportunityId: string, tags: string[]): Promise<void> {
      await lever.addTags(opportunityId, tags);
    },
    async leverRemoveTags(opportunityId: string, tags: string[]): Promise<void> {
      await lever.removeTags(opportunityId, tags);
    },
    /** The snapshot plus when the opportunity entered `stageId` (every time), to confirm a stage-change webhook. */
    async leverReadStageEntries(opportunityId: string, stageId: string): Promise<CandidateSnapshot & { enteredAt: number[] }> {
      const opportunity = await lever.getOpportunity(opportunityId);
      const enteredAt = (opportunity.stageChanges ?? []).filter((c) => c.toStageId === stageId).map((c) => c.updatedAt);
      return { ...toSnapshot(opportunity), enteredAt };
    },
    async leverStageName(stageId: string): Promise<string> {
      return (await lever.getStage(stageId)).text;
    },
    async leverPostingTags(postingId: string): Promise<string[]> {
      return (await lever.getPosting(postingId)).tags ?? [];
    },
    /** Archive reasons of type `hired`: tells a hire apart from a rejection, since both archive. */
    async leverHiredArchiveReasonIds(): Promise<string[]> {
      const page = await lever.listArchiveReasons('hired');
      return page.data.map((reason) => reason.id);
    },
  };
}

export type LeverActivities = ReturnType<typeof createLeverActivities>;
