// The account every sandbox starts with. Ids are readable and stable so tests, the demo and local
// configuration can name them; Lever's real ids are opaque (stage ids are not always UUIDs either).
import type { LeverArchiveReason, LeverPosting, LeverStage, LeverUser } from '../../lever/types';

export type SimPosting = LeverPosting & {
  confidentiality: 'non-confidential' | 'confidential';
  user: string;
  workplaceType: 'onsite' | 'remote' | 'hybrid' | 'unspecified';
  content: { description: string; descriptionHtml: string; lists: { text: string; content: string }[]; closing: string };
};

export const SEED_USERS = {
  rita: { id: 'user-rita', name: 'Rita Recruiter', email: 'rita@example.com', accessRole: 'super admin', deactivatedAt: null },
  harry: { id: 'user-harry', name: 'Harry Hiring-Manager', email: 'harry@example.com', accessRole: 'team member', deactivatedAt: null },
  ivan: { id: 'user-ivan', name: 'Ivan Interviewer', email: 'ivan@example.com', accessRole: 'interviewer', deactivatedAt: null },
} as const satisfies Record<string, LeverUser>;

/** In pipeline order: `toStageIndex` is the position here. */
export const SEED_STAGES: readonly LeverStage[] = [
  { id: 'lead-new', text: 'New Lead' },
  { id: 'applicant-new', text: 'New Applicant' },
  { id: 'phone-screen', text: 'Phone Screen' },
  { id: 'onsite', text: 'On-site Interview' },
  { id: 'offer', text: 'Offer' },
];

export const SEED_ARCHIVE_REASONS: readonly LeverArchiveReason[] = [
  { id: 'reason-hired', text: 'Hired', status: 'active', type: 'hired' },
  { id: 'reason-not-fit', text: 'Not a fit', status: 'active', type: 'non-hired' },
  { id: 'reason-withdrew', text: 'Candidate withdrew', status: 'active', type: 'non-hired' },
];

export const SEED_POSTING_IDS = {
  backendEngineer: 'posting-backend-engineer',
  warehouseAssociate: 'posting-warehouse-associate',
  /** Published on the internal channel only: hidden from `state=published` without both channels. */
  supportLead: 'posting-support-lead',
  closed: 'posting-data-analyst',
} as const;

const SEEDED_AT = Date.UTC(2025, 0, 6, 9, 0, 0);

export function posting(
  id: string,
  text: string,
  state: LeverPosting['state'],
  distributionChannels: string[],
  categories: { team: string; department: string; location: string; commitment: string },
  workplaceType: SimPosting['workplaceType'],
): SimPosting {
  const description = `${text}: join the ${categories.team} team.`;
  return {
    id,
    text,
    state,
    distributionChannels,
    confidentiality: 'non-confidential',
    user: SEED_USERS.rita.id,
    owner: SEED_USERS.rita.id,
    hiringManager: SEED_USERS.harry.id,
    categories: { ...categories, level: 'Mid' },
    tags: [],
    content: { description, descriptionHtml: `<p>${description}</p>`, lists: [], closing: '' },
    urls: {
      list: 'https://jobs.lever.co/sandbox',
      show: `https://jobs.lever.co/sandbox/${id}`,
      apply: `https://jobs.lever.co/sandbox/${id}/apply`,
    },
    workplaceType,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
}

/** Links the backend engineer posting to the sandbox Willo interview "Engineering Screen". */
export const SEED_WILLO_POSTING_TAG = 'Willo:Engineering Screen-Sandbox';

export function seedPostings(): SimPosting[] {
  const both = ['public', 'internal'];
  return [
    {
      ...posting(
        SEED_POSTING_IDS.backendEngineer,
        'Backend Engineer',
        'published',
        both,
        { team: 'Engineering', department: 'Product', location: 'Remote', commitment: 'Full-time' },
        'remote',
      ),
      tags: [SEED_WILLO_POSTING_TAG],
    },
    posting(
      SEED_POSTING_IDS.warehouseAssociate,
      'Warehouse Associate',
      'published',
      both,
      { team: 'Operations', department: 'Fulfilment', location: 'Columbus, OH', commitment: 'Full-time' },
      'onsite',
    ),
    posting(
      SEED_POSTING_IDS.supportLead,
      'Customer Support Lead',
      'published',
      ['internal'],
      { team: 'Support', department: 'Customer Success', location: 'Austin, TX', commitment: 'Full-time' },
      'hybrid',
    ),
    posting(
      SEED_POSTING_IDS.closed,
      'Data Analyst',
      'closed',
      both,
      { team: 'Analytics', department: 'Product', location: 'Remote', commitment: 'Contract' },
      'remote',
    ),
  ];
}
