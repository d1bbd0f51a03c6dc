// Wintro callbacks that write to Lever. A referral becomes a new opportunity (origin referred, source
// Wintro, the posting) plus a note naming the referrer, unless this email already has an opportunity on
// that posting: then only the note. Every step finds its own earlier effect first, so a crash between
// creating and noting, or the same callback twice, never makes a second opportunity or note.
import { isNotFound, leverActivities } from '../kit/activity-proxies';
import { addNoteOnce, ensureOpportunity, performAsUser, recordOutcome } from '../kit/lever-writes';
import type { WintroCandidate } from './client';
import { WINTRO_SOURCE, wintroNoteMarkers, wintroReferralTag } from './tags';

export interface WintroReferralInput {
  referralId: string;
  postingId: string;
  candidate: WintroCandidate;
  referrer: { name: string; email: string };
  settings: { performAs: 'user' | 'posting-owner'; performAsEmail: string };
}

export interface WintroReferralOutcome {
  status: 'created' | 'already-applied' | 'posting-not-found';
  opportunityId?: string;
  noteWritten: boolean;
}

export async function wintroReferral(input: WintroReferralInput): Promise<WintroReferralOutcome> {
  const lever = leverActivities();
  const { referralId, postingId, candidate, referrer, settings } = input;

  let owner: string | null;
  try {
    owner = await lever.leverPostingOwner(postingId);
  } catch (error) {
    if (isNotFound(error)) return recordOutcome<WintroReferralOutcome>({ status: 'posting-not-found', noteWritten: false });
    throw error;
  }
  const performAs = settings.performAs === 'posting-owner' && owner ? owner : await performAsUser(undefined, settings.performAsEmail);

  const { opportunityId, ours } = await ensureOpportunity(
    { email: candidate.email, posting_id: postingId },
    wintroReferralTag(referralId),
    {
      name: candidate.name,
      emails: [candidate.email],
      ...(candidate.phone ? { phones: [{ value: candidate.phone }] } : {}),
      ...(candidate.linkedinUrl ? { links: [candidate.linkedinUrl] } : {}),
      origin: 'referred',
      sources: [WINTRO_SOURCE],
      postings: [postingId],
    },
    { userId: performAs },
  );

  const text = ours
    ? `Referred through Wintro by ${referrer.name} (${referrer.email}).`
    : `Referred through Wintro by ${referrer.name} (${referrer.email}). The candidate had already applied to this posting, so no new opportunity was created.`;
  const noteWritten = await addNoteOnce(opportunityId, wintroNoteMarkers.referral(referralId), text, { performAs });
  return recordOutcome<WintroReferralOutcome>({ status: ours ? 'created' : 'already-applied', opportunityId, noteWritten });
}

export interface WintroNotificationInput {
  callbackId: string;
  opportunityId: string;
  message: string;
}

/** A Wintro notification becomes one note on the opportunity it names. */
export async function wintroNotification({
  callbackId,
  opportunityId,
  message,
}: WintroNotificationInput): Promise<{ status: 'noted' | 'duplicate' | 'not-found' }> {
  try {
    const wrote = await addNoteOnce(opportunityId, wintroNoteMarkers.notification(callbackId), `Wintro: ${message}`);
    return { status: wrote ? 'noted' : 'duplicate' };
  } catch (error) {
    if (isNotFound(error)) return { status: 'not-found' };
    throw error;
  }
}
