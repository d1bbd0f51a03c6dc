// Lever activities only Wintro needs: published postings (never confidential ones) and the hashes of their
// applicants' emails. Each makes exactly one Data API request; emails are hashed here, so raw emails never
// enter workflow history. Registered on the rate-limited Lever queue with the shared Lever activities.
import { createHash } from 'node:crypto';
import type { LeverClient } from '../../lever/client';
import { nextOf, type PageOf } from '../../lever/sourcing-activities';

/** What Wintro needs of a posting, nothing more. */
export interface PostingSummary {
  id: string;
  title: string;
  team?: string;
  location?: string;
  commitment?: string;
  applyUrl?: string;
}

/** SHA-256 (hex) of the trimmed, lower-cased email: what Wintro matches its members' emails against. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export function createWintroLeverActivities(lever: LeverClient) {
  return {
    /**
     * Published postings on both channels, one page, without the confidential ones: Wintro is an external
     * network, so it never hears of them or of who applied to them (left out here, they never enter the
     * sync's history either). A key without confidential access does not even list them.
     */
    async leverPublishedPostingsPage(offset?: string): Promise<PageOf<PostingSummary>> {
      const page = await lever.listPublishedPostings({ offset });
      const items = page.data
        .filter((p) => p.confidentiality !== 'confidential')
        .map((p) => ({
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
      const hashes = new Set(
        page.data
          .flatMap((o) => o.emails ?? [])
          .filter((e) => e.trim() !== '')
          .map(emailHash),
      );
      return { items: [...hashes], next: nextOf(page) };
    },
  };
}

export type WintroLeverActivities = ReturnType<typeof createWintroLeverActivities>;
