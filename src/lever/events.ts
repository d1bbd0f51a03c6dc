/** The ten webhook events Lever sends (../shared/spec/lever.md section 1). */
export const LEVER_EVENTS = [
  'applicationCreated',
  'candidateHired',
  'candidateStageChange',
  'candidateArchiveChange',
  'candidateDeleted',
  'interviewCreated',
  'interviewUpdated',
  'interviewDeleted',
  'contactCreated',
  'contactUpdated',
] as const;

export type LeverEvent = (typeof LEVER_EVENTS)[number];

/** applicationCreated -> APPLICATION_CREATED: the suffix of the env var holding that event's tokens. */
export function eventEnvSuffix(event: LeverEvent): string {
  return event.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
