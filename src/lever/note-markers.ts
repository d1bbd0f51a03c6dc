// Lever has no idempotency keys, so every note we write ends with a marker line naming what wrote it and
// why; before writing, the opportunity's notes are searched for that marker. Plain constants: workflow
// code imports this module.

const marker = (kind: string, key: string) => `[lever-relay:${kind}:${key}]`;

export const noteMarkers = {
  wintroReferral: (referralId: string) => marker('wintro-referral', referralId),
  /** Keyed by the callback's `webhook-id`: the same notification delivered twice is noted once. */
  wintroNotification: (callbackId: string) => marker('wintro-notification', callbackId),
  techInterview: (interviewId: string) => marker('tech-interview', interviewId),
  willoResponse: (participantKey: string) => marker('willo-response', participantKey),
  reftyOutcome: (outcome: string, requestId: string) => marker(`refty-${outcome}`, requestId),
} as const;

/** The note text Lever stores: the body, then the marker on its own line. */
export function withMarker(body: string, markerLine: string): string {
  return `${body}\n\n${markerLine}`;
}
