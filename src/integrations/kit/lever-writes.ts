// Workflow-side Lever steps that write: notes (every flow) and opportunities (Wintro referrals, technical
// interviews). Lever has no idempotency keys, so each step looks for its own earlier effect first: a
// retry after a crash, or a replay, finds the opportunity or note it made instead of making another.
import { ApplicationFailure, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { HTTP_FAILURE } from '../../http/failure-types';
import { withMarker } from '../../lever/note-markers';
import type { OpportunityRef } from '../../lever/sourcing-activities';
import type { CreateOpportunityBody } from '../../lever/types';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { failureType, leverActivities, leverWriteOnce } from './activity-proxies';

export const SOURCING_FAILURE = {
  performAsUnknown: 'PerformAsUserNotFound',
  stageUnknown: 'StageNotFound',
} as const;

export interface EnsuredOpportunity {
  opportunityId: string;
  /** false: someone else's opportunity matched the lookup (the candidate had already applied). */
  ours: boolean;
  /** true only in the run that created it. */
  created: boolean;
  /** Who our opportunity was created as: the user of this run's create, else its owner in Lever (the creator). */
  performedAs?: string;
}

/** Whom a write acts as (`perform_as`), and whom it acts as instead if Lever refuses that user (403). */
export interface PerformAs {
  userId: string;
  /** Looked up only when needed: the usual write costs no request for it. */
  otherwise?: () => Promise<PerformAs>;
}

/**
 * Finds the opportunity `lookup` matches, preferring one carrying `markerTag` (ours, perhaps created by
 * an attempt whose result was lost), and creates it, carrying `markerTag`, only when nothing matches.
 * A 403 for the `perform_as` user (its role may not add candidates) wrote nothing, so the create is
 * tried once as `otherwise` at once.
 */
export async function ensureOpportunity(
  lookup: { email?: string; posting_id?: string; tag?: string },
  markerTag: string,
  body: CreateOpportunityBody,
  performAs: PerformAs,
): Promise<EnsuredOpportunity> {
  const lever = leverActivities();
  const tags = [...new Set([...(body.tags ?? []), markerTag])];
  return lookThenWrite<EnsuredOpportunity>(
    async () => {
      const found: OpportunityRef[] = await lever.leverFindOpportunities(lookup);
      const ours = found.find((o) => o.tags.includes(markerTag));
      if (ours) return { opportunityId: ours.id, ours: true, created: false, ...(ours.owner ? { performedAs: ours.owner } : {}) };
      if (found[0]) return { opportunityId: found[0].id, ours: false, created: false };
      return undefined;
    },
    async () => {
      for (let actor = performAs; ;) {
        try {
          const { id } = await leverWriteOnce().leverCreateOpportunity({ ...body, tags }, actor.userId);
          return { opportunityId: id, ours: true, created: true, performedAs: actor.userId };
        } catch (error) {
          if (failureType(error) !== HTTP_FAILURE.forbidden || !actor.otherwise) throw error;
          actor = await actor.otherwise();
        }
      }
    },
  );
}

/** What a write that Lever refused for every user it may act as (403) records while it waits. */
export const LEVER_REFUSED_STATUS = 'lever-refused';

/**
 * Look, and write only when the look finds nothing; when the write fails in a way that may have
 * happened anyway (timeout, 5xx, lost answer), look again before writing again, with growing pauses.
 * A 403 did not happen, but an admin can fix what caused it (a user's role or permissions): the write is
 * tried again the same way, with `RelayStatus` saying why it waits, rather than lost.
 */
async function lookThenWrite<T>(look: () => Promise<T | undefined>, write: () => Promise<T>): Promise<T> {
  const refusal = new RefusalStatus();
  for (let attempt = 0; ; attempt++) {
    const existing = await look();
    if (existing !== undefined) return refusal.over(existing);
    try {
      return refusal.over(await write());
    } catch (error) {
      const refused = failureType(error) === HTTP_FAILURE.forbidden;
      if (!refused && !mayHaveHappened(error)) throw error;
      if (refused) refusal.show();
      await sleep(Math.min(1_000 * 2 ** attempt, 5 * 60_000));
    }
  }
}

/** `RelayStatus = lever-refused` while a write waits on a refusal, and the status it had back once it is done. */
class RefusalStatus {
  private before?: { value: string | null };

  show(): void {
    if (this.before) return;
    this.before = { value: workflowInfo().typedSearchAttributes.get(SEARCH_ATTRIBUTES.status) ?? null };
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: LEVER_REFUSED_STATUS }]);
  }

  over<T>(result: T): T {
    if (this.before) upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: this.before.value }]);
    this.before = undefined;
    return result;
  }
}

/** A 4xx (other than 408/409/429) was refused outright: writing again cannot help. */
function mayHaveHappened(error: unknown): boolean {
  const type = failureType(error);
  return !(
    type === HTTP_FAILURE.notFound ||
    type === HTTP_FAILURE.badRequest ||
    type === HTTP_FAILURE.unauthorized ||
    type === HTTP_FAILURE.forbidden ||
    type === HTTP_FAILURE.clientError
  );
}

/**
 * Writes the note unless one carrying `marker` is already there: a retried or replayed step writes one
 * note, never two. The marker goes into the note text, so it must be opaque (ids, not names).
 * Returns whether it wrote.
 */
export async function addNoteOnce(
  opportunityId: string,
  marker: string,
  body: string,
  options: { performAs?: string; secret?: boolean } = {},
): Promise<boolean> {
  const lever = leverActivities();
  return lookThenWrite(
    async () => ((await hasNoteWithMarker(opportunityId, marker)) ? false : undefined),
    async () => {
      await leverWriteOnce().leverAddNote(
        opportunityId,
        { value: withMarker(body, marker), ...(options.secret ? { secret: true } : {}) },
        options.performAs,
      );
      return true;
    },
  );

  async function hasNoteWithMarker(id: string, wanted: string): Promise<boolean> {
    let offset: string | undefined;
    do {
      const page = await lever.leverNotesPageHasMarker(id, wanted, offset);
      if (page.found) return true;
      offset = page.next;
    } while (offset);
    return false;
  }
}

/** The first of these emails that belongs to an active Lever user; the last one must. */
export async function performAsUser(preferredEmail: string | undefined, fallbackEmail: string): Promise<string> {
  const lever = leverActivities();
  if (preferredEmail) {
    const preferred = await lever.leverActiveUserId(preferredEmail);
    if (preferred) return preferred;
  }
  const fallback = await lever.leverActiveUserId(fallbackEmail);
  if (fallback) return fallback;
  throw ApplicationFailure.nonRetryable('the configured "perform as" email is not an active Lever user', SOURCING_FAILURE.performAsUnknown);
}

/** A stage given by id or by name (case-insensitive), as configuration allows either. */
export async function resolveStageId(idOrName: string): Promise<string> {
  const lever = leverActivities();
  const wanted = idOrName.trim().toLowerCase();
  let offset: string | undefined;
  do {
    const page = await lever.leverStagesPage(offset);
    const stage = page.items.find((s) => s.id === idOrName) ?? page.items.find((s) => s.text.trim().toLowerCase() === wanted);
    if (stage) return stage.id;
    offset = page.next;
  } while (offset);
  throw ApplicationFailure.nonRetryable(`no Lever stage has the id or name ${JSON.stringify(idOrName)}`, SOURCING_FAILURE.stageUnknown);
}

/** Shows a finished process's status, and the opportunity it wrote to, in the Temporal UI's filters. */
export function recordOutcome<T extends { status: string; opportunityId?: string }>(outcome: T): T {
  upsertSearchAttributes([
    { key: SEARCH_ATTRIBUTES.status, value: outcome.status },
    ...(outcome.opportunityId ? [{ key: SEARCH_ATTRIBUTES.opportunityId, value: outcome.opportunityId }] : []),
  ]);
  return outcome;
}
