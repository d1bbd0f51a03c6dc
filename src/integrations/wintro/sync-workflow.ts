// Wintro vacancy sync: every published posting (both channels, every page) -> Wintro's vacancy list;
// then, per posting, the SHA-256 hashes of the emails of everyone who applied -> that vacancy's
// exclusions. One Lever request per activity keeps the server-side rate limit exact; hashes are made
// inside the activity, so raw emails never enter this history. Long syncs continue as new, carrying
// the postings still to do.
import { continueAsNew, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { isNotFound, leverActivities, partnerActivities } from '../kit/activity-proxies';
import type { WintroActivities } from './activities';
import type { WintroVacancy } from './client';
import type { PostingSummary, WintroLeverActivities } from './lever-activities';
import { progressStatus, wintroSyncProgressQuery, type WintroSyncProgress } from './messages';

export interface WintroSyncInput {
  /** Set by continue-as-new: the postings whose exclusions are still to be sent. */
  resume?: { postingIds: string[]; postingsDone: number; postingsTotal: number };
  /** Postings per run before continuing as new (history stays small). Default 100. */
  postingsPerRun?: number;
  /** Progress goes to the search attribute every this many postings (each upsert is a billed action). Default 25. */
  reportEvery?: number;
  /**
   * Postings worked on at once. Sequential calls would leave Lever's rate unused while each answer
   * travels through Temporal; a few at once let the Lever queue's rate limit set the pace. Default 4.
   */
  concurrency?: number;
}

const toVacancy = ({ id, ...rest }: PostingSummary): WintroVacancy => ({ externalId: id, ...rest });

export async function wintroVacancySync(input: WintroSyncInput = {}): Promise<WintroSyncProgress> {
  const lever = leverActivities<WintroLeverActivities>();
  const wintro = partnerActivities<WintroActivities>();
  const postingsPerRun = input.postingsPerRun ?? 100;
  const reportEvery = input.reportEvery ?? 25;
  const concurrency = input.concurrency ?? 4;
  const progress: WintroSyncProgress = input.resume
    ? { phase: 'exclusions', postingsDone: input.resume.postingsDone, postingsTotal: input.resume.postingsTotal }
    : { phase: 'vacancies', postingsDone: 0, postingsTotal: 0 };
  setHandler(wintroSyncProgressQuery, () => ({ ...progress }));
  const report = () => upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: progressStatus(progress) }]);

  let pending = input.resume?.postingIds;
  if (!pending) {
    const postings = new Map<string, PostingSummary>();
    let offset: string | undefined;
    do {
      const page = await lever.leverPublishedPostingsPage(offset);
      for (const posting of page.items) postings.set(posting.id, posting);
      offset = page.next;
    } while (offset);
    progress.vacancies = await wintro.wintroPutVacancies([...postings.values()].map(toVacancy));
    pending = [...postings.keys()];
    progress.phase = 'exclusions';
    progress.postingsTotal = pending.length;
    report();
  }

  for (let i = 0; i < pending.length; i += concurrency) {
    if (i >= postingsPerRun || workflowInfo().continueAsNewSuggested) {
      report();
      await continueAsNew<typeof wintroVacancySync>({
        ...input,
        resume: { postingIds: pending.slice(i), postingsDone: progress.postingsDone, postingsTotal: progress.postingsTotal },
      });
    }
    const before = progress.postingsDone;
    await Promise.all(pending.slice(i, i + concurrency).map(syncExclusions));
    if (Math.floor(progress.postingsDone / reportEvery) > Math.floor(before / reportEvery)) report();
  }
  progress.phase = 'done';
  report();
  return { ...progress };

  async function syncExclusions(postingId: string): Promise<void> {
    const hashes = new Set<string>();
    let offset: string | undefined;
    do {
      const page = await lever.leverApplicantEmailHashesPage(postingId, offset);
      page.items.forEach((hash) => hashes.add(hash));
      offset = page.next;
    } while (offset);
    try {
      await wintro.wintroPutExclusions(postingId, [...hashes].sort());
    } catch (error) {
      // A vacancy Wintro no longer has (closed meanwhile) needs no exclusions.
      if (!isNotFound(error)) throw error;
    }
    progress.postingsDone += 1;
  }
}
