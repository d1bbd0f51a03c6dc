// HRLogics WOTC screening for one opportunity (`hrlogics/<opportunityId>`): send the survey, remind,
// wait for the result (days), write exactly one WOTC tag, and pass the start date on when the candidate
// is hired. Started by the opportunity process with the snapshot it read; later snapshots (archived,
// hired, deleted) are handed to it, so it never reads Lever to learn about a trigger. Expiry (ours or
// HRLogics') records it and stops reminding; the screening stays in HRLogics (the contract cancels only on
// archive, delete or switch-off) and the process keeps listening, without a timer, so a late result still
// tags the candidate.
import { setHandler, workflowInfo } from '@temporalio/workflow';
import { partnerActivities } from '../kit/activity-proxies';
import { OpportunityProcess } from '../kit/process';
import { noteStop } from '../kit/stop-notes';
import type { HrlogicsActivities } from './activities';
import { screeningCompletedSignal, screeningExpiredSignal, wotcStateQuery, type WotcInput, type WotcState } from './messages';
import { ALL_WOTC_TAGS, wotcStopNotes, wotcTagFor } from './tags';

export async function wotcScreening(input: WotcInput): Promise<WotcState> {
  const { opportunityId, settings } = input;
  const hrlogics = partnerActivities<HrlogicsActivities>();
  const state: WotcState = input.carried ?? { status: 'starting', remindersSent: 0, seenCallbacks: [] };
  const process = new OpportunityProcess(opportunityId, input.snapshot, state, wotcStateQuery);
  const { workflowId } = workflowInfo();
  let partnerExpired = false;

  /** A callback counts once, and only for our screening (before the create returns, any). */
  const isOurs = (callbackId: string, screeningId: string) =>
    process.firstDelivery(callbackId) && (state.screeningId === undefined || state.screeningId === screeningId);
  setHandler(screeningCompletedSignal, ({ callbackId, screeningId, result }) => {
    if (isOurs(callbackId, screeningId) && state.result === undefined) state.result = result;
  });
  setHandler(screeningExpiredSignal, ({ callbackId, screeningId }) => {
    if (isOurs(callbackId, screeningId)) partnerExpired = true;
  });

  if (!input.carried) {
    const { snapshot } = input;
    if (!snapshot.contact) return process.stop('no-email', wotcStopNotes.noEmail(snapshot.application?.id ?? opportunityId), settings);
    if (process.standing === 'archived') return process.finish('archived');
    const screening = await hrlogics.hrlogicsCreateScreening(
      { externalId: opportunityId, postingId: snapshot.postingId, applicant: snapshot.contact },
      // One screening per application, however often this process is started for it.
      `${workflowId}/screening/${snapshot.application?.id ?? opportunityId}`,
    );
    state.screeningId = screening.screeningId;
    state.surveySentAt = Date.now();
    process.setStatus('survey-sent');
  }

  // Waiting for the applicant: one timer per wait, woken early by a callback or a newer snapshot. Once
  // expired, no timer: only a result or the opportunity closing ends the wait.
  const sentAt = state.surveySentAt ?? Date.now();
  const deadline = sentAt + settings.expiryMs;
  let nextReminderAt = sentAt + (state.remindersSent + 1) * settings.reminderIntervalMs;
  while (state.result === undefined) {
    const ended = await followOpportunity();
    if (ended) return ended;
    if (partnerExpired && state.status !== 'expired') await expire();
    await process.carryOnIfLong<typeof wotcScreening>(state.result === undefined, () => ({
      ...input,
      snapshot: live(),
      carried: { ...state },
    }));
    if (state.status === 'expired') {
      await process.wait(() => state.result !== undefined);
      continue;
    }
    const remindersLeft = state.remindersSent < settings.maxReminders && nextReminderAt < deadline;
    const wakeAt = remindersLeft ? nextReminderAt : deadline;
    if (await process.wait(() => state.result !== undefined || partnerExpired, wakeAt - Date.now())) continue;
    if (!remindersLeft) {
      await expire();
      continue;
    }
    state.remindersSent += 1;
    await hrlogics.hrlogicsSendReminder(state.screeningId!, `${workflowId}/reminder/${state.screeningId}/${state.remindersSent}`);
    nextReminderAt += settings.reminderIntervalMs;
  }

  await process.setExclusiveTag(wotcTagFor(state.result), ALL_WOTC_TAGS, 'read');
  process.setStatus(state.result);

  // Form 8850 is due 28 days after the start date: a pre-qualified candidate's hire still matters.
  if (state.result === 'pre_qualified') {
    const hireDeadline = Date.now() + settings.hireWaitMs;
    while (state.startDateReported === undefined) {
      if (await followOpportunity()) break;
      if (state.startDateReported !== undefined || !(await process.wait(() => false, hireDeadline - Date.now()))) break;
    }
  }
  return { ...state };

  /** Acts on the newest snapshot: a hire is reported once; archived or deleted ends the wait. */
  async function followOpportunity(): Promise<WotcState | undefined> {
    process.takeChanges();
    switch (process.standing) {
      case 'hired':
        await reportHire();
        return undefined;
      case 'archived':
      case 'deleted':
        return state.result === undefined ? cancelScreening() : { ...state };
      default:
        return undefined;
    }
  }

  /** Recorded (status and a note in Lever), not cancelled: HRLogics keeps the screening. */
  async function expire(): Promise<void> {
    process.setStatus('expired');
    await noteStop(opportunityId, settings, wotcStopNotes.expired(state.screeningId!));
  }

  async function cancelScreening(): Promise<WotcState> {
    if (state.screeningId) await hrlogics.hrlogicsCancelScreening(state.screeningId);
    return process.finish('cancelled');
  }

  async function reportHire(): Promise<void> {
    const snapshot = process.latest;
    if (state.startDateReported !== undefined || snapshot.deleted || !snapshot.archived) return;
    // Lever keeps the start date on the offer; the hire date is the best date the opportunity carries.
    const startDate = new Date(snapshot.archived.archivedAt).toISOString().slice(0, 10);
    await hrlogics.hrlogicsReportHire(state.screeningId!, { startDate }, `${workflowId}/hire/${state.screeningId}`);
    state.startDateReported = startDate;
  }

  function live() {
    return process.latest.deleted ? input.snapshot : process.latest;
  }
}
