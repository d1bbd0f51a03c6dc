import { defineQuery } from '@temporalio/workflow';

export interface WintroSyncProgress {
  phase: 'vacancies' | 'exclusions' | 'done';
  /** Postings whose exclusions have been sent, across continue-as-new. */
  postingsDone: number;
  postingsTotal: number;
  vacancies?: { upserted: number; removed: number };
}

export const wintroSyncProgressQuery = defineQuery<WintroSyncProgress>('wintroSyncProgress');

/** The search attribute value shown in the UI: `exclusions 40/150`. */
export function progressStatus(progress: WintroSyncProgress): string {
  return progress.phase === 'vacancies' ? 'vacancies' : `${progress.phase} ${progress.postingsDone}/${progress.postingsTotal}`;
}
