// Every Lever tag string, source and note marker of the Wintro flow. Lever matches tags
// case-sensitively: import them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';

/**
 * The opportunity a Wintro referral created carries its referral id: a retry after a crash between
 * creating it and the next step finds it instead of creating a second one.
 */
export function wintroReferralTag(referralId: string): string {
  return `Wintro:Referral ${referralId}`;
}

/** Source of every referral opportunity, as Wintro's contract names it. */
export const WINTRO_SOURCE = 'Wintro';

export const wintroNoteMarkers = {
  referral: (referralId: string) => noteMarker('wintro-referral', referralId),
  /** Keyed by the callback's `webhook-id`: the same notification delivered twice is noted once. */
  notification: (callbackId: string) => noteMarker('wintro-notification', callbackId),
} as const;
