// Lever activities of the flows that bring candidates in (Wintro, the technical-interview platform):
// postings, applicants' email hashes, users, stages, opportunity creation and notes. Each makes exactly
// one Data API request and returns a minimal projection: raw emails never enter workflow history.
import { createHash } from 'node:crypto';
import type { LeverClient, NoteInput, OpportunityFilter } from '../lever/client';
import type { CreateOpportunityBody, LeverNote } from '../lever/types';

/** What Wintro needs of a posting, nothing more. */
export interface PostingSummary {
  id: string;
  title: string;
  team?: string;
  location?: string;
  commitment?: string;
  applyUrl?: string;
}

export interface PageOf<T> {
  items: T[];
  /** Pass back as `offset` for the next page; absent on the last page. */
  next?: string;
}

export interface OpportunityRef {
  id: string;
  tags: string[];
}

/** SHA-256 (hex) of the trimmed, lower-cased email: what Wintro matches its members' emails against. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const noteText = (note: LeverNote) => [note.value, note.text, ...(note.fields ?? []).map((f) => f.value)].filter(Boolean).join('\n');
const nextOf = (page: { next?: string; hasNext?: boolean }) => (page.hasNext && page.next ? page.next : undefined);

export function createLeverSourcingActivities(lever: LeverClient) {
  return {
    /** Published postings on both channels, one page. */
    async leverPublishedPostingsPage(offset?: string): Promise<PageOf<PostingSummary>> {
      const page = await lever.listPublishedPostings({ offset });
      const items = page.data.map((p) => ({
        id: p.id,
        title: p.text,
        ...(p.categories?.team ? { team: p.categories.team } : {}),
        ...(p.categories?.location ? { location: p.categories.location } : {}),
        ...(p.categories?.commitment ? { commitment: p.categories.commitment } : {}),
        ...(p.urls?.apply ? { applyUrl: p.urls.apply } : {}),
      }));
      return { items, next: nextOf(page) };
    },

    /** Hashes of the emails of everyone with an opportunity on the posting, one page; emails stay here. */
    async leverApplicantEmailHashesPage(postingId: string, offset?: string): Promise<PageOf<string>> {
      const page = await lever.listOpportunities({ posting_id: postingId, offset });
      const hashes = new Set(page.data.flatMap((o) => o.emails ?? []).filter((e) => e.trim() !== '').map(emailHash));
      return { items: [...hashes], next: nextOf(page) };
    },

    /** The first page of matching opportunities, as ids and tags. */
    async leverFindOpportunities(filter: Pick<OpportunityFilter, 'email' | 'posting_id' | 'tag'>): Promise<OpportunityRef[]> {
      const page = await lever.listOpportunities(filter);
      return page.data.map((o) => ({ id: o.id, tags: o.tags ?? [] }));
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
