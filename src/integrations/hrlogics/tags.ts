// Every Lever tag string and note HRLogics' flow reads or writes. Lever matches tags case-sensitively:
// import them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';
import type { StopNote } from '../kit/stop-notes';

export const WOTC_TAGS = {
  preQualified: 'HRLogics-WOTC:Pre Qualified',
  notQualified: 'HRLogics-WOTC:Not Qualified',
} as const;

export type WotcResult = 'pre_qualified' | 'not_qualified';

export function wotcTagFor(result: WotcResult): string {
  return result === 'pre_qualified' ? WOTC_TAGS.preQualified : WOTC_TAGS.notQualified;
}

export const ALL_WOTC_TAGS: readonly string[] = Object.values(WOTC_TAGS);

/** Notes when the screening cannot go on (HRLOGICS_STOP_NOTES): one per application or screening. */
export const wotcStopNotes = {
  noEmail: (applicationId: string): StopNote => ({
    marker: noteMarker('hrlogics-no-email', applicationId),
    text: 'HRLogics: no WOTC survey was sent for this application: the opportunity has no email address.',
  }),
  expired: (screeningId: string): StopNote => ({
    marker: noteMarker('hrlogics-expired', screeningId),
    text: 'HRLogics: the WOTC survey expired without an answer, and no more reminders are sent. An answer that still comes in is recorded.',
  }),
} as const;
