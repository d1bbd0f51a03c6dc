// Shapes of the Lever Data API v1 that this project reads or writes (../shared/spec/lever.md section 2).
// Fields Lever documents but we never use are left out on purpose.

export interface LeverArchived {
  archivedAt: number;
  reason: string;
}

export interface LeverStageChange {
  toStageId: string;
  toStageIndex?: number;
  userId?: string | null;
  updatedAt: number;
}

export type LeverOrigin = 'agency' | 'applied' | 'internal' | 'referred' | 'sourced' | 'university';

export interface LeverOpportunity {
  id: string;
  name: string;
  headline?: string;
  contact: string;
  emails: string[];
  phones: { type?: string; value: string }[];
  links?: string[];
  location?: string;
  stage: string | { id: string; text: string };
  stageChanges: LeverStageChange[];
  archived: LeverArchived | null;
  tags: string[];
  sources: string[];
  origin: LeverOrigin;
  owner?: string | null;
  applications: string[];
  confidentiality?: 'confidential' | 'non-confidential';
  createdAt: number;
  updatedAt?: number;
  isAnonymized?: boolean;
  /** Not in every response; the posting is usually read from the application. */
  postings?: string[];
}

export interface LeverPosting {
  id: string;
  text: string;
  state: 'published' | 'internal' | 'closed' | 'draft' | 'pending' | 'rejected';
  distributionChannels?: string[];
  /** Confidential postings (and their candidates) are for the hiring team only. */
  confidentiality?: 'confidential' | 'non-confidential';
  owner?: string | null;
  hiringManager?: string | null;
  categories?: { team?: string; department?: string; location?: string; commitment?: string; level?: string };
  tags: string[];
  urls?: { list?: string; show?: string; apply?: string };
  createdAt?: number;
  updatedAt?: number;
}

export interface LeverNote {
  id: string;
  text?: string;
  value?: string;
  fields?: { value?: string }[];
  secret?: boolean;
  createdAt: number;
}

export interface LeverUser {
  id: string;
  name: string;
  email: string;
  accessRole?: string;
  deactivatedAt?: number | null;
}

export interface LeverStage {
  id: string;
  text: string;
}

export interface LeverArchiveReason {
  id: string;
  text: string;
  status?: string;
  type: 'hired' | 'non-hired';
}

export interface LeverItem<T> {
  data: T;
}

export interface LeverPage<T> {
  data: T[];
  next?: string;
  hasNext?: boolean;
}

export interface CreateOpportunityBody {
  name?: string;
  headline?: string;
  location?: string;
  stage?: string;
  emails?: string[];
  phones?: { value: string; type?: string }[];
  links?: string[];
  tags?: string[];
  sources?: string[];
  origin?: LeverOrigin;
  owner?: string;
  postings?: string[];
}

/** A webhook registered through `/v1/webhooks` (../shared/spec/lever.md, "Webhooks via the API"). */
export interface LeverWebhook {
  id: string;
  event: string;
  url: string;
  /** Absent in some answers: treat as enabled. */
  enabled?: boolean;
  configuration?: { signatureToken?: string };
}
