// What one read of an opportunity tells the integrations: a small, plain projection of Lever's answer,
// made once per trigger and handed to every integration's decision and process. Pure (no I/O), so
// workflow code may import it.
import type { LeverOpportunity, LeverStageChange } from './types';

export interface CandidateContact {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

/**
 * An entry into a stage, as Lever's `stageChanges` records it. It is the fact a stage-entry action is keyed
 * by: the same entry seen again (a redelivered webhook, a later trigger, a sweep) is the same fact; leaving
 * and entering the stage again is a new entry with a later `enteredAt`.
 */
export interface StageEntry {
  stageId: string;
  enteredAt: number;
}

/** `<stageId>@<enteredAt>`: the key of a stage entry in idempotency keys and process memory. */
export function stageEntryKey(entry: StageEntry): string {
  return `${entry.stageId}@${entry.enteredAt}`;
}

/** Reference data that rarely changes, filled from the worker's cache (src/lever/lookups.ts). */
export interface SnapshotLookups {
  /** The name of the current stage. */
  stageName?: string;
  /** Whether the archive reason is of type `hired` (present only when archived). */
  hired?: boolean;
  /** Tags of the opportunity's posting. */
  postingTags?: string[];
}

export type LookupKind = keyof SnapshotLookups;

export interface DeletedOpportunity {
  opportunityId: string;
  /** When Lever was read, epoch ms. */
  readAt: number;
  /** Lever answered 404: the opportunity is gone. */
  deleted: true;
}

export interface LiveOpportunity {
  opportunityId: string;
  readAt: number;
  deleted: false;
  /** Undefined when the opportunity has no email: partners that email the candidate cannot act. */
  contact?: CandidateContact;
  /** The opportunity's application (Lever allows at most one). */
  application?: { id: string; createdAt: number };
  postingId?: string;
  createdAt: number;
  /** The current stage and the entry into it that put the opportunity there. */
  stage: StageEntry;
  archived: { archivedAt: number; reasonId: string | null } | null;
  tags: string[];
  origin?: string;
  lookups: SnapshotLookups;
}

export type OpportunitySnapshot = DeletedOpportunity | LiveOpportunity;

export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: '', lastName: '' };
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

type ApplicationRef = string | { id: string; posting?: string | null; createdAt?: number };

/**
 * The entry that put the opportunity into its current stage: the latest `stageChanges` entry into that
 * stage. Lever always records the first stage; should the history lack it, the creation time stands in.
 */
export function currentStageEntry(stageId: string, changes: readonly LeverStageChange[], createdAt: number): StageEntry {
  const entries = changes.filter((c) => c.toStageId === stageId);
  const latest = entries.reduce<LeverStageChange | undefined>((a, b) => (a === undefined || b.updatedAt >= a.updatedAt ? b : a), undefined);
  return { stageId, enteredAt: latest?.updatedAt ?? createdAt };
}

/** Lever's answer (applications expanded) -> the snapshot, without lookups. */
export function toSnapshot(opportunity: LeverOpportunity, readAt: number): LiveOpportunity {
  const email = opportunity.emails?.find((e) => e.trim() !== '');
  const applications = (opportunity.applications ?? []) as ApplicationRef[];
  const expanded = applications.find((a): a is Exclude<ApplicationRef, string> => typeof a === 'object');
  const stageId = typeof opportunity.stage === 'string' ? opportunity.stage : opportunity.stage?.id;
  const createdAt = opportunity.createdAt;
  const applicationId = expanded?.id ?? (typeof applications[0] === 'string' ? applications[0] : undefined);
  const postingId = expanded?.posting ?? opportunity.postings?.[0] ?? undefined;
  return {
    opportunityId: opportunity.id,
    readAt,
    deleted: false,
    ...(email
      ? {
          contact: {
            ...splitName(opportunity.name ?? ''),
            email,
            ...(opportunity.phones?.[0]?.value ? { phone: opportunity.phones[0].value } : {}),
          },
        }
      : {}),
    ...(applicationId ? { application: { id: applicationId, createdAt: expanded?.createdAt ?? createdAt } } : {}),
    ...(postingId ? { postingId } : {}),
    createdAt,
    stage: currentStageEntry(stageId, opportunity.stageChanges ?? [], createdAt),
    archived: opportunity.archived ? { archivedAt: opportunity.archived.archivedAt, reasonId: opportunity.archived.reason ?? null } : null,
    tags: opportunity.tags ?? [],
    ...(opportunity.origin ? { origin: opportunity.origin } : {}),
    lookups: {},
  };
}
