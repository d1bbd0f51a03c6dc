// Every Lever tag string HRLogics' flow reads or writes. Lever matches tags case-sensitively: import
// them from here, never spell them again.

export const WOTC_TAGS = {
  preQualified: 'HRLogics-WOTC:Pre Qualified',
  notQualified: 'HRLogics-WOTC:Not Qualified',
} as const;

export type WotcResult = 'pre_qualified' | 'not_qualified';

export function wotcTagFor(result: WotcResult): string {
  return result === 'pre_qualified' ? WOTC_TAGS.preQualified : WOTC_TAGS.notQualified;
}

export const ALL_WOTC_TAGS: readonly string[] = Object.values(WOTC_TAGS);
