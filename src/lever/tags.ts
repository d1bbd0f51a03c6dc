// Every Lever tag string the project reads or writes. Lever matches tags case-sensitively, so a tag
// spelled twice is a bug waiting to happen: import from here.

export const WOTC_TAGS = {
  preQualified: 'HRLogics-WOTC:Pre Qualified',
  notQualified: 'HRLogics-WOTC:Not Qualified',
} as const;

export type WotcResult = 'pre_qualified' | 'not_qualified';

export function wotcTagFor(result: WotcResult): string {
  return result === 'pre_qualified' ? WOTC_TAGS.preQualified : WOTC_TAGS.notQualified;
}

export const ALL_WOTC_TAGS: readonly string[] = Object.values(WOTC_TAGS);

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

export type ReftyStepStatus = 'Sent' | 'Completed';

/** `Refty:<Step> Sent` / `Refty:<Step> Completed`: the latest request of that step. */
export function reftyStepTag(stepName: string, status: ReftyStepStatus): string {
  return `Refty:${stepName} ${status}`;
}

export function reftyStepTags(stepName: string): string[] {
  return [reftyStepTag(stepName, 'Sent'), reftyStepTag(stepName, 'Completed')];
}

/**
 * The opportunity a Wintro referral created carries its referral id: a retry after a crash between
 * creating it and the next step finds it instead of creating a second one.
 */
export function wintroReferralTag(referralId: string): string {
  return `Wintro:Referral ${referralId}`;
}

/** Source of every referral opportunity, as Wintro's contract names it. */
export const WINTRO_SOURCE = 'Wintro';

/**
 * Lever is the record of which opportunity came from which interview (we keep no database): the
 * opportunity carries `<Platform>:Interview <interviewId>`, read back when its stage changes.
 */
export function techInterviewTag(platform: string, interviewId: string): string {
  return `${techInterviewTagPrefix(platform)}${interviewId}`;
}

export function techInterviewTagPrefix(platform: string): string {
  return `${platform}:Interview `;
}

/** The interview id behind an opportunity's tags, if this integration exported it. */
export function interviewIdFromTags(platform: string, tags: readonly string[]): string | undefined {
  const prefix = techInterviewTagPrefix(platform);
  return tags.find((t) => t.startsWith(prefix))?.slice(prefix.length) || undefined;
}

export function techInterviewAnonymousTag(platform: string): string {
  return `${platform}:Anonymous`;
}
