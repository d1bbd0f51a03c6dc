// Many postings at once, with applicants, for tests and the demo that need Lever's pagination: a mix of
// both channels, internal-only and closed postings, and applicants whose emails differ in case (Lever
// keeps them as typed; hashing must lower-case them). Historical data: no webhooks are sent.
import { randomBytes } from 'node:crypto';
import type { LeverPosting } from '../../lever/types';
import { posting } from './seed';
import type { LeverStore } from './store';

export interface BulkPostingsRequest {
  count: number;
  applicantsPerPosting: number;
  /** The first posting gets this many instead, so its applicants span several pages. */
  applicantsOnFirst?: number;
}

export interface BulkPosting {
  id: string;
  state: LeverPosting['state'];
  distributionChannels: string[];
}

/** Every fifth posting is internal-only, every fifth (offset by one) is closed; the rest are on both channels. */
function kindOf(index: number): { state: LeverPosting['state']; channels: string[] } {
  if (index % 5 === 3) return { state: 'published', channels: ['internal'] };
  if (index % 5 === 4) return { state: 'closed', channels: ['public', 'internal'] };
  return { state: 'published', channels: ['public', 'internal'] };
}

export function createBulkPostings(
  store: LeverStore,
  { count, applicantsPerPosting, applicantsOnFirst }: BulkPostingsRequest,
): { postings: BulkPosting[]; opportunities: number } {
  const batch = randomBytes(3).toString('hex');
  const postings: BulkPosting[] = [];
  let opportunities = 0;
  for (let i = 0; i < count; i++) {
    const { state, channels } = kindOf(i);
    const id = `posting-bulk-${batch}-${i}`;
    store.addPosting(
      posting(
        id,
        `Bulk Role ${batch} #${i}`,
        state,
        channels,
        { team: `Team ${i % 7}`, department: 'Bulk', location: 'Remote', commitment: 'Full-time' },
        'remote',
      ),
    );
    postings.push({ id, state, distributionChannels: channels });
    const applicants = i === 0 && applicantsOnFirst !== undefined ? applicantsOnFirst : applicantsPerPosting;
    for (let j = 0; j < applicants; j++) {
      // Mixed case, and a second address for every third applicant.
      const emails = [`Bulk.Applicant.${batch}.${i}.${j}@Example.com`, ...(j % 3 === 0 ? [`second.${batch}.${i}.${j}@example.org`] : [])];
      store.createOpportunity({
        name: `Bulk Applicant ${i}.${j}`,
        emails,
        origin: 'applied',
        stage: 'applicant-new',
        postingId: id,
        withApplication: true,
      });
      opportunities += 1;
    }
  }
  return { postings, opportunities };
}
