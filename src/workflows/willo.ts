// Willo video interview for one opportunity: invite once, wait for the candidate (until the invite
// expires), then for the reviewer, keeping exactly one Willo status tag on the opportunity throughout.
// Started by the stage-change run when a trigger stage is entered; a later trigger stage only signals it.
import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { ALL_WILLO_STATUS_TAGS, WILLO_TAGS } from '../lever/tags';
import { partnerActivities } from './activity-proxies';
import { noteMarkers } from '../lever/note-markers';
import { CandidateReader, setExclusiveTag } from './lever-steps';
import { addNoteOnce } from './sourcing-steps';
import { opportunityClosedSignal } from './opportunity-messages';
import { recordStatus } from './process-status';
import {
  willoRespondedSignal,
  willoReviewedSignal,
  willoStageEnteredSignal,
  willoStateQuery,
  type WilloResponded,
  type WilloState,
  type WilloStatus,
} from './willo-messages';

export interface WilloSettings {
  /** Willo stage names (case-insensitive) that mean accepted / rejected. */
  acceptedStages: string[];
  rejectedStages: string[];
  inviteExpiryMs: number;
  /** How long to wait for the reviewer once the candidate has responded. */
  reviewWaitMs: number;
}

export interface WilloInput {
  opportunityId: string;
  interview: { key: string; title: string };
  settings: WilloSettings;
  /** State handed over by continue-as-new. */
  carried?: WilloState;
}

export type WilloOutcome = WilloState;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function willoInterview(input: WilloInput): Promise<WilloOutcome> {
  const { opportunityId, interview, settings } = input;
  const willo = partnerActivities();
  const reader = new CandidateReader(opportunityId);
  const state: WilloState = input.carried ?? { status: 'checking', interviewKey: interview.key, unmappedStages: [], laterTriggers: [], seenCallbacks: [] };
  const seen = new Set(state.seenCallbacks);
  let response: WilloResponded | undefined;
  let decision: 'accepted' | 'rejected' | undefined;
  let closeRequested = false;

  /** A callback counts once, and only for our participant (before the invite returns, any). */
  const isNew = (callbackId: string, participantKey: string) => {
    if (seen.has(callbackId)) return false;
    seen.add(callbackId);
    state.seenCallbacks.push(callbackId);
    return state.participantKey === undefined || state.participantKey === participantKey;
  };

  setHandler(willoStateQuery, () => ({ ...state }));
  setHandler(willoRespondedSignal, (signal) => {
    if (isNew(signal.callbackId, signal.participantKey) && state.respondedAt === undefined) response ??= signal;
  });
  setHandler(willoReviewedSignal, ({ callbackId, participantKey, stage }) => {
    if (!isNew(callbackId, participantKey)) return;
    if (settings.acceptedStages.some((s) => same(s, stage))) decision = 'accepted';
    else if (settings.rejectedStages.some((s) => same(s, stage))) decision = 'rejected';
    else state.unmappedStages.push(stage);
  });
  setHandler(willoStageEnteredSignal, (entered) => void state.laterTriggers.push(entered));
  setHandler(opportunityClosedSignal, () => void (closeRequested = true));

  const { workflowId } = workflowInfo();
  if (!input.carried) {
    const initial = await reader.read();
    if (initial.kind === 'deleted') return finish('not-found');
    if (initial.kind !== 'open') return finish('archived');
    const { contact } = initial.candidate;
    if (!contact) return finish('no-email');
    // Check before creating: an invite from an earlier run (or made by hand in Willo) is not sent again.
    const existing = await willo.willoFindParticipant(interview.key, contact.email);
    if (existing) {
      state.participantKey = existing.key;
      state.reusedParticipant = true;
    } else {
      const invited = await willo.willoInvite(
        { interview: interview.key, first_name: contact.firstName, last_name: contact.lastName, email: contact.email, phone: contact.phone, external_id: opportunityId },
        `${workflowId}/invite/${interview.key}`,
      );
      state.participantKey = invited.key;
    }
    state.invitedAt = Date.now();
    await setExclusiveTag(opportunityId, WILLO_TAGS.invited, ALL_WILLO_STATUS_TAGS);
    setStatus('invited');
  }

  // Waiting for the candidate, until the invite expires.
  while (state.status === 'invited' && decision === undefined) {
    if (closeRequested && (await candidateGone())) return withdraw();
    if (response) {
      await recordResponse(response);
      break;
    }
    await carryOnIfHistoryIsLong();
    const remaining = state.invitedAt! + settings.inviteExpiryMs - Date.now();
    if (remaining <= 0 || !(await condition(() => response !== undefined || decision !== undefined || closeRequested, remaining))) {
      // The invite is left as it is in Willo and the tag stays `Willo:Invited`: the expiry is the record.
      return finish('expired');
    }
  }

  // Waiting for the reviewer.
  const reviewDeadline = (state.respondedAt ?? Date.now()) + settings.reviewWaitMs;
  while (decision === undefined) {
    // The responses are the company's: an archived candidate's are not withdrawn, the process just ends.
    if (closeRequested && (await candidateGone())) return finish('archived');
    await carryOnIfHistoryIsLong();
    const remaining = reviewDeadline - Date.now();
    if (remaining <= 0 || !(await condition(() => decision !== undefined || closeRequested, remaining))) return finish('review-timed-out');
  }
  await setExclusiveTag(opportunityId, decision === 'accepted' ? WILLO_TAGS.accepted : WILLO_TAGS.rejected, ALL_WILLO_STATUS_TAGS);
  return finish(decision);

  function setStatus(status: WilloStatus): void {
    recordStatus(state, status);
  }

  function finish(status: WilloStatus): WilloOutcome {
    return recordStatus(state, status);
  }

  async function recordResponse(responded: WilloResponded): Promise<void> {
    state.respondedAt = Date.now();
    const link = responded.responsesUrl ? `Review them: ${responded.responsesUrl}` : `Open participant ${responded.participantKey} in Willo to review them.`;
    await addNoteOnce(
      opportunityId,
      noteMarkers.willoResponse(responded.participantKey),
      `Willo: the candidate recorded their answers to the video interview "${interview.title}". ${link}`,
    );
    await setExclusiveTag(opportunityId, WILLO_TAGS.toReview, ALL_WILLO_STATUS_TAGS);
    setStatus('to-review');
  }

  async function withdraw(): Promise<WilloOutcome> {
    if (state.participantKey) await willo.willoWithdraw(state.participantKey);
    return finish('withdrawn');
  }

  /** Archive and delete webhooks are hints: only Lever's answer stops the process. */
  async function candidateGone(): Promise<boolean> {
    closeRequested = false;
    return (await reader.read()).kind !== 'open';
  }

  /** Called only between waits, when no signal is pending: nothing is lost in the hand-over. */
  async function carryOnIfHistoryIsLong(): Promise<void> {
    if (workflowInfo().continueAsNewSuggested && response === undefined && decision === undefined && !closeRequested) {
      await continueAsNew<typeof willoInterview>({ ...input, carried: { ...state } });
    }
  }
}
