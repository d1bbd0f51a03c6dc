// Lever activities: each makes exactly one Data API request (see LeverClient), and returns only the
// fields a workflow needs, so histories stay small and carry as little personal data as possible.
import type { LeverClient, NoteInput } from '../lever/client';
import type { LeverNote, LeverOpportunity } from '../lever/types';

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

/** Lever returns a note's text as `value`, `text` or in `fields`, depending on the note. */
function noteText(note: LeverNote): string {
  return [note.value, note.text, ...(note.fields ?? []).map((f) => f.value)].filter(Boolean).join('\n');
}

export function createLeverActivities(lever: LeverClient) {
  return {
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
    /** One page of notes: whether one contains `marker`, and where the next page starts. */
    async leverFindNote(opportunityId: string, marker: string, offset?: string): Promise<{ found: boolean; next?: string }> {
      const page = await lever.listNotes(opportunityId, { offset });
      const found = page.data.some((note) => noteText(note).includes(marker));
      return { found, ...(page.hasNext && page.next ? { next: page.next } : {}) };
    },
    async leverAddNote(opportunityId: string, note: NoteInput): Promise<void> {
      await lever.addNote(opportunityId, note);
    },
    /** Archive reasons of type `hired`: tells a hire apart from a rejection, since both archive. */
    async leverHiredArchiveReasonIds(): Promise<string[]> {
      const page = await lever.listArchiveReasons('hired');
      return page.data.map((reason) => reason.id);
    },
  };
}

export type LeverActivities = ReturnType<typeof createLeverActivities>;
