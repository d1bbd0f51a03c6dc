// Every Lever tag string and note marker of the Willo flow. Lever matches tags case-sensitively: import
// them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';

/** Willo status tags: exactly one of them on an opportunity at any time. */
export const WILLO_TAGS = {
  invited: 'Willo:Invited',
  toReview: 'Willo:To Review',
  accepted: 'Willo:Accepted',
  rejected: 'Willo:Rejected',
} as const;

export const ALL_WILLO_STATUS_TAGS: readonly string[] = Object.values(WILLO_TAGS);

const WILLO_PREFIX = 'Willo:';

/** The posting tag that links a posting to a Willo interview: `Willo:<Interview>-<Account>`. */
export function willoInterviewTag(interviewTitle: string, account: string): string {
  return `${WILLO_PREFIX}${interviewTitle}-${account}`;
}

/** The interview titles named by Willo interview tags of `account` among `tags` (status tags are not interviews). */
export function willoInterviewTitles(tags: readonly string[], account: string): string[] {
  const suffix = `-${account}`;
  return tags
    .filter((tag) => tag.startsWith(WILLO_PREFIX) && tag.endsWith(suffix) && !ALL_WILLO_STATUS_TAGS.includes(tag))
    .map((tag) => tag.slice(WILLO_PREFIX.length, -suffix.length))
    .filter((title) => title.length > 0);
}

export const willoNoteMarkers = {
  response: (participantKey: string) => noteMarker('willo-response', participantKey),
} as const;
