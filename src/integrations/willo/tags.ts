// Every Lever tag string and note marker of the Willo flow. Lever matches tags case-sensitively: import
// them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';
import type { StopNote } from '../kit/stop-notes';

/** Willo status tags: exactly one of them on an opportunity at any time. */
export const WILLO_TAGS = {
  invited: 'Willo:Invited',
  toReview: 'Willo:To Review',
  accepted: 'Willo:Accepted',
  rejected: 'Willo:Rejected',
} as const;

export const ALL_WILLO_STATUS_TAGS: readonly string[] = Object.values(WILLO_TAGS);

const WILLO_PREFIX = 'Willo:';

/**
 * What may stand between the interview title and the account in the posting tag that links a posting to a
 * Willo interview: Willo's description shows both `Willo:<Interview>-<Account>` and `Willo:<Interview>:<Account>`.
 */
const INTERVIEW_TAG_SEPARATORS = ['-', ':'] as const;

/** The interview titles named by Willo interview tags of `account` among `tags`, in either form (status tags are not interviews). */
export function willoInterviewTitles(tags: readonly string[], account: string): string[] {
  return tags.flatMap((tag) => {
    if (!tag.startsWith(WILLO_PREFIX) || ALL_WILLO_STATUS_TAGS.includes(tag)) return [];
    if (!INTERVIEW_TAG_SEPARATORS.some((separator) => tag.endsWith(`${separator}${account}`))) return [];
    const title = tag.slice(WILLO_PREFIX.length, -(account.length + 1));
    return title.length > 0 ? [title] : [];
  });
}

export const willoNoteMarkers = {
  response: (participantKey: string) => noteMarker('willo-response', participantKey),
} as const;

/** Notes when the interview cannot go on (WILLO_STOP_NOTES): one per opportunity, or per invite. */
export const willoStopNotes = {
  noInterview: (opportunityId: string, account: string): StopNote => ({
    marker: noteMarker('willo-no-interview', opportunityId),
    text: `Willo: no video interview invite was sent: this posting is not linked to a Willo interview (a posting tag Willo:<Interview>-${account}).`,
  }),
  unknownInterview: (opportunityId: string): StopNote => ({
    marker: noteMarker('willo-no-interview', opportunityId),
    text: "Willo: no video interview invite was sent: no interview in Willo's catalogue has the title this posting's Willo tag names.",
  }),
  noEmail: (opportunityId: string): StopNote => ({
    marker: noteMarker('willo-no-email', opportunityId),
    text: 'Willo: no video interview invite was sent: the opportunity has no email address.',
  }),
  expired: (participantKey: string): StopNote => ({
    marker: noteMarker('willo-expired', participantKey),
    text: 'Willo: the video interview invite expired without a response. A response that still comes in is recorded.',
  }),
} as const;
