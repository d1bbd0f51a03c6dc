// Willo video interview for one opportunity (`willo/<opportunityId>`): invite once, wait for the
// candidate, then for the reviewer, keeping exactly one Willo status tag on the opportunity throughout.
// When the invite window passes, that is recorded (a note) and the wait goes on without a timer: a late
// response still moves the candidate to `Willo:To Review`. Started by the opportunity process when a
// trigger stage is entered (also when it cannot invite: it says why in Lever); later snapshots (another
// trigger entry, archived, deleted) are handed to it.
import { patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { stageEntryKey } from '../../lever/snapshot';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { partnerActivities } from '../kit/activity-proxies';
import { addNoteOnce } from '../kit/lever-writes';
import { OpportunityProcess } from '../kit/process';
import { noteStop } from '../kit/stop-notes';
import type { WilloActivities } from './activities';
import { interviewTitles } from './decide';
import {
  willoRespondedSignal,
  willoReviewedSignal,
  willoStateQuery,
  type WilloInput,
  type WilloResponded,
  type WilloState,
} from './messages';
import { ALL_WILLO_STATUS_TAGS, WILLO_TAGS, willoNoteMarkers, willoStopNotes } from './tags';

/**
 * The invite as one activity (list, check, invite) instead of three, each a round trip of this process: the
 * invite reaches Willo about two workflow tasks sooner. Runs started before it replay the old commands.
 */
const INVITE_IN_ONE_ACTIVITY = 'willo-invite-in-one-activity';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function willoInterview(input: WilloInput): Promise<WilloState> {
  const { opportunityId, settings } = input;
  const willo = partnerActivities<WilloActivities>();
  const state: WilloState = input.carried ?? { status: 'starting', unmappedStages: [], laterTriggers: [], seenCallbacks: [] };
  const process = new OpportunityProcess(opportunityId, input.snapshot, state, willoStateQuery);
  const { workflowId } = workflowInfo();
  let response: WilloResponded | undefined;
  let decision: 'accepted' | 'rejected' | undefined;

  /** A callback counts once, and only for our participant (before the invite returns, any). */
  const isNew = (callbackId: string, participantKey: string) =>
    process.firstDelivery(callbackId) && (state.participantKey === undefined || state.participantKey === participantKey);
  setHandler(willoRespondedSignal, (signal) => {
    if (isNew(signal.callbackId, signal.participantKey) && state.respondedAt === undefined) response ??= signal;
  });
  setHandler(willoReviewedSignal, ({ callbackId, participantKey, stage }) => {
    if (!isNew(callbackId, participantKey)) return;
    if (settings.acceptedStages.some((s) => same(s, stage))) decision = 'accepted';
    else if (settings.rejectedStages.some((s) => same(s, stage))) decision = 'rejected';
    else state.unmappedStages.push(stage);
  });

  if (!input.carried) {
    const { snapshot } = input;
    const { contact } = snapshot;
    if (process.standing !== 'open') return process.finish('archived');
    const titles = interviewTitles(snapshot, settings.account);
    if (titles.length === 0) return process.stop('no-interview', willoStopNotes.noInterview(opportunityId, settings.account), settings);
    if (!contact) return process.stop('no-email', willoStopNotes.noEmail(opportunityId), settings);
    // Keyed by the stage entry that invites: a retry is the same invite, a later restart a new one.
    const keyPrefix = `${workflowId}/invite/`;
    const keySuffix = `/${stageEntryKey(snapshot.stage)}`;
    if (patched(INVITE_IN_ONE_ACTIVITY)) {
      const invite = await willo.willoEnsureInvited({
        titles,
        contact,
        opportunityId,
        idempotencyKeyPrefix: keyPrefix,
        idempotencyKeySuffix: keySuffix,
      });
      if (invite.outcome === 'no-interview') return process.stop('no-interview', willoStopNotes.unknownInterview(opportunityId), settings);
      state.interview = invite.interview;
      state.participantKey = invite.participantKey;
      if (invite.outcome === 'reused') state.reusedParticipant = true;
    } else {
      // Runs that began before INVITE_IN_ONE_ACTIVITY replay the three activities they recorded.
      const catalogue = await willo.willoListInterviews();
      const interview = titles.map((title) => catalogue.find((i) => i.title === title)).find((i) => i !== undefined);
      if (!interview) return process.stop('no-interview', willoStopNotes.unknownInterview(opportunityId), settings);
      state.interview = interview;
      // Check before creating: an invite from an earlier run (or made by hand in Willo) is not sent again.
      const existing = await willo.willoFindParticipant(interview.key, contact.email);
      if (existing) {
        state.participantKey = existing.key;
        state.reusedParticipant = true;
      } else {
        const invited = await willo.willoInvite(
          {
            interview: interview.key,
            first_name: contact.firstName,
            last_name: contact.lastName,
            email: contact.email,
            phone: contact.phone,
            external_id: opportunityId,
          },
          `${keyPrefix}${interview.key}${keySuffix}`,
        );
        state.participantKey = invited.key;
      }
    }
    // Willo's callbacks name only the participant: this is how the API finds this process (callbacks.ts).
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.willoParticipant, value: state.participantKey }]);
    state.invitedFor = stageEntryKey(snapshot.stage);
    state.invitedAt = Date.now();
    await process.setExclusiveTag(WILLO_TAGS.invited, ALL_WILLO_STATUS_TAGS, 'snapshot');
    process.setStatus('invited');
  }

  // Waiting for the candidate. Past the invite window the invite is left as it is in Willo, the tag stays
  // `Willo:Invited`, the expiry is recorded, and the wait goes on with no timer: a late response counts.
  const responded = () => response !== undefined || decision !== undefined;
  while ((state.status === 'invited' || state.status === 'expired') && decision === undefined) {
    if (followOpportunity() !== 'open') return withdraw();
    if (response) {
      await recordResponse(response);
      break;
    }
    await carryOnIfLong();
    if (state.status === 'expired') {
      await process.wait(responded);
      continue;
    }
    const remaining = state.invitedAt! + settings.inviteExpiryMs - Date.now();
    if (remaining <= 0 || !(await process.wait(responded, remaining))) {
      process.setStatus('expired');
      await noteStop(opportunityId, settings, willoStopNotes.expired(state.participantKey!));
    }
  }

  // Waiting for the reviewer.
  const reviewDeadline = (state.respondedAt ?? Date.now()) + settings.reviewWaitMs;
  while (decision === undefined) {
    // The responses are the company's: an archived candidate's are not withdrawn, the process just ends.
    if (followOpportunity() !== 'open') return process.finish('archived');
    await carryOnIfLong();
    const remaining = reviewDeadline - Date.now();
    if (remaining <= 0 || !(await process.wait(() => decision !== undefined, remaining))) return process.finish('review-timed-out');
  }
  await process.setExclusiveTag(decision === 'accepted' ? WILLO_TAGS.accepted : WILLO_TAGS.rejected, ALL_WILLO_STATUS_TAGS, 'read');
  return process.finish(decision);

  /** Records trigger-stage entries after the invite (none invites again) and says where the candidate stands. */
  function followOpportunity() {
    for (const { snapshot } of process.takeChanges()) {
      if (snapshot.deleted || snapshot.archived) continue;
      const entry = stageEntryKey(snapshot.stage);
      if (entry !== state.invitedFor && !state.laterTriggers.includes(entry)) state.laterTriggers.push(entry);
    }
    return process.standing;
  }

  async function recordResponse(responded: WilloResponded): Promise<void> {
    state.respondedAt = Date.now();
    const link = responded.responsesUrl
      ? `Review them: ${responded.responsesUrl}`
      : `Open participant ${responded.participantKey} in Willo to review them.`;
    await addNoteOnce(
      opportunityId,
      willoNoteMarkers.response(responded.participantKey),
      `Willo: the candidate recorded their answers to the video interview "${state.interview?.title}". ${link}`,
    );
    await process.setExclusiveTag(WILLO_TAGS.toReview, ALL_WILLO_STATUS_TAGS, 'read');
    process.setStatus('to-review');
  }

  async function withdraw(): Promise<WilloState> {
    if (state.participantKey) await willo.willoWithdraw(state.participantKey);
    return process.finish('withdrawn');
  }

  /** Called only between waits, when no callback is pending: nothing is lost in the hand-over. */
  async function carryOnIfLong(): Promise<void> {
    const latest = process.latest;
    await process.carryOnIfLong<typeof willoInterview>(response === undefined && decision === undefined, () => ({
      ...input,
      snapshot: latest.deleted ? input.snapshot : latest,
      carried: { ...state },
    }));
  }
}
