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
