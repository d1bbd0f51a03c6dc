// Lever activities of the flows that write to Lever beyond tags: notes (every flow), users, stages and
// opportunity creation (Wintro referrals, technical interviews). Each makes exactly one Data API request
// and returns a minimal projection.
import type { LeverClient, NoteInput, OpportunityFilter } from './client';
import type { CreateOpportunityBody, LeverNote } from './types';

export interface PageOf<T> {
  items: T[];
  /** Pass back as `offset` for the next page; absent on the last page. */
  next?: string;
}

export interface OpportunityRef {
  id: string;
  tags: string[];
  /** For an opportunity we created: the user it was created as (Lever makes the `perform_as` user its owner). */
  owner: string | null;
}

const noteText = (note: LeverNote) => [note.value, note.text, ...(note.fields ?? []).map((f) => f.value)].filter(Boolean).join('\n');
export const nextOf = (page: { next?: string; hasNext?: boolean }) => (page.hasNext && page.next ? page.next : undefined);

export function createLeverSourcingActivities(lever: LeverClient) {
  return {
    /** The first page of matching opportunities, as ids and tags. */
    async leverFindOpportunities(filter: Pick<OpportunityFilter, 'email' | 'posting_id' | 'tag'>): Promise<OpportunityRef[]> {
      const page = await lever.listOpportunities(filter);
      return page.data.map((o) => ({ id: o.id, tags: o.tags ?? [], owner: o.owner ?? null }));
    },

    async leverCreateOpportunity(body: CreateOpportunityBody, performAs: string): Promise<{ id: string }> {
      const created = await lever.createOpportunity(body, performAs);
      return { id: created.id };
    },

    /** One page of the opportunity's notes: does any carry `marker`? */
    async leverNotesPageHasMarker(opportunityId: string, marker: string, offset?: string): Promise<{ found: boolean; next?: string }> {
      const page = await lever.listNotes(opportunityId, { offset });
      return { found: page.data.some((note) => noteText(note).includes(marker)), next: nextOf(page) };
    },

    async leverAddNote(opportunityId: string, note: NoteInput, performAs?: string): Promise<void> {
      await lever.addNote(opportunityId, note, performAs);
    },

    /** The active Lever user with this email, or null. */
    async leverActiveUserId(email: string): Promise<string | null> {
      const page = await lever.listUsersByEmail(email);
      return page.data.find((u) => !u.deactivatedAt)?.id ?? null;
    },

    async leverPostingOwner(postingId: string): Promise<string | null> {
      return (await lever.getPosting(postingId)).owner ?? null;
    },

    async leverStagesPage(offset?: string): Promise<PageOf<{ id: string; text: string }>> {
      const page = await lever.listStages({ offset });
      return { items: page.data.map((s) => ({ id: s.id, text: s.text })), next: nextOf(page) };
    },

    async leverStageName(stageId: string): Promise<string> {
      return (await lever.getStage(stageId)).text;
    },
  };
}
