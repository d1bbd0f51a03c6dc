// The two bulk walks over Lever's opportunity list, both of which only trigger opportunity processes:
// - the sweep (`leverSweep`, on a Temporal Schedule): opportunities updated since the last sweep, with an
//   overlap so a late write is not missed. The cursor is the previous run's result (a Schedule hands each
//   run the last completion result), so it survives worker and server restarts. Its facts are news from
//   the horizon on: the moment the relay first ran with the sweep on; nothing older is acted on.
// - a backfill (`leverBackfill`): open opportunities (by posting, stage, application date) for one
//   integration just switched on, acting on facts from `actOnFactsSince` (0: whatever their age); or, as a
//   dry run, only counting what each would decide.
// One Lever request per page of up to 100, at the lowest priority on the Lever queue: webhook work goes first.
import { continueAsNew, proxyActivities, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { PATIENT_RETRY } from '../temporal/retry';
import { SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { taskQueues } from '../temporal/task-queues';
import type { BulkActivities, BulkTrigger, ListFilter } from './bulk-activities';
import { BULK_LISTING_PRIORITY, bulkProgressQuery, type BulkProgress } from './messages';

/** Pages per run before continuing as new (each page's trigger counts are small; history stays small). */
const PAGES_PER_RUN = 200;
/** Progress reaches the search attribute every this many pages (each upsert is a billed action). */
const REPORT_EVERY = 5;

function bulkActivities() {
  return proxyActivities<BulkActivities>({
    taskQueue: taskQueues(workflowInfo().taskQueue).lever,
    startToCloseTimeout: '5m',
    // A page takes seconds (a Lever read, then 100 hand-overs) and beats after each step: when its worker
    // dies, the page is tried again within 30 s, not after the 5 minutes allowed for the whole page.
    heartbeatTimeout: '30s',
    retry: PATIENT_RETRY,
    priority: { priorityKey: BULK_LISTING_PRIORITY },
  });
}

interface Resume {
  offset: string;
  progress: BulkProgress;
}

/**
 * Walks every page from `resume` on, counting into `progress`; continues as new when history grows. At
 * most `perSecond` opportunities are handed over a second: bulk work must leave the workers and the server
 * room for what people wait for (priority orders the queues, but not a worker's busy slots or its CPU).
 */
async function walk(
  progress: BulkProgress,
  filter: ListFilter,
  trigger: BulkTrigger,
  perSecond: number,
  resume: Resume | undefined,
  next: (resume: Resume) => Promise<never>,
): Promise<void> {
  const bulk = bulkActivities();
  setHandler(bulkProgressQuery, () => ({ ...progress }));
  let offset = resume?.offset;
  for (let pagesThisRun = 0; ; pagesThisRun++) {
    const pageStarted = Date.now();
    const page = progress.dryRun
      ? await bulk.leverDryRunPage(filter, offset, trigger)
      : await bulk.leverTriggerPage(filter, offset, trigger);
    const pace = (page.triggered / perSecond) * 1000 - (Date.now() - pageStarted);
    if (page.next && pace > 0) await sleep(pace);
    progress.pages += 1;
    progress.listed += page.listed;
    progress.triggered += page.triggered;
    for (const [integration, counts] of Object.entries(page.decisions ?? {})) {
      const into = (progress.decisions[integration] ??= {});
      for (const [reason, n] of Object.entries(counts)) into[reason] = (into[reason] ?? 0) + n;
    }
    if (!page.next) return;
    offset = page.next;
    if (progress.pages % REPORT_EVERY === 0) report(progress);
    if (pagesThisRun + 1 >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) await next({ offset, progress });
  }
}

function report(progress: BulkProgress): void {
  const what = progress.dryRun ? 'dry run' : progress.kind;
  const status = progress.done ? `${what} done: ${progress.listed} listed` : `${what}: ${progress.listed} listed (${progress.pages} pages)`;
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: status }]);
}

function freshProgress(kind: BulkProgress['kind'], dryRun: boolean): BulkProgress {
  return { kind, dryRun, pages: 0, listed: 0, triggered: 0, decisions: {}, done: false };
}

export interface SweepInput {
  /** The moment the relay first ran with the sweep on: facts before it are never acted on by a sweep. */
  horizon: number;
  /** How far each window reaches back before the previous sweep's start. */
  overlapMs: number;
  /** Opportunities handed over a second at most. */
  perSecond: number;
  /** Set by continue-as-new. */
  resume?: Resume & { from: number; startedAt: number };
}

export interface SweepResult extends BulkProgress {
  /** When this sweep started listing: the next sweep lists from here (less the overlap). */
  cursor: number;
  horizon: number;
  from: number;
}

export async function leverSweep(input: SweepInput): Promise<SweepResult> {
  const last = workflowInfo().lastResult as SweepResult | undefined;
  const startedAt = input.resume?.startedAt ?? Date.now();
  const from = input.resume?.from ?? Math.max(0, (last?.cursor ?? input.horizon) - input.overlapMs);
  const progress = input.resume?.progress ?? freshProgress('sweep', false);
  const trigger: BulkTrigger = { source: 'sweep', actOnFactsSince: input.horizon };
  await walk(progress, { updatedSince: from }, trigger, input.perSecond, input.resume, (resume) =>
    continueAsNew<typeof leverSweep>({ ...input, resume: { ...resume, from, startedAt } }),
  );
  progress.done = true;
  report(progress);
  return { ...progress, cursor: startedAt, horizon: input.horizon, from };
}

export interface BackfillInput {
  /** The integration (by name) whose decisions the backfill asks for. */
  integration: string;
  filter: ListFilter;
  /** Facts older than this are not acted on (0: whatever their age). */
  actOnFactsSince: number;
  dryRun: boolean;
  /** Opportunities handed over a second at most. */
  perSecond: number;
  resume?: Resume;
}

export async function leverBackfill(input: BackfillInput): Promise<BulkProgress> {
  const progress = input.resume?.progress ?? freshProgress('backfill', input.dryRun);
  const trigger: BulkTrigger = { source: 'backfill', actOnFactsSince: input.actOnFactsSince, only: [input.integration] };
  await walk(progress, { ...input.filter, openOnly: true }, trigger, input.perSecond, input.resume, (resume) =>
    continueAsNew<typeof leverBackfill>({ ...input, resume }),
  );
  progress.done = true;
  report(progress);
  return { ...progress };
}
