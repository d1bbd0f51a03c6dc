// HRLogics WOTC screening for one opportunity: send the survey, remind, wait for the result (days),
// write exactly one WOTC tag, and pass the start date on when the candidate is hired.
import { condition, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { ALL_WOTC_TAGS, wotcTagFor } from '../lever/tags';
import { SEARCH_ATTRIBUTES } from '../search-attributes';
import { partnerActivities } from './activity-proxies';
import { CandidateReader, setExclusiveTag, type CandidateState } from './lever-steps';
import { candidateHiredSignal, opportunityClosedSignal } from './opportunity-messages';
import { screeningCompletedSignal, screeningExpiredSignal, wotcStateQuery, type WotcState, type WotcStatus } from './wotc-messages';

export interface WotcSettings {
  reminderIntervalMs: number;
  maxReminders: number;
  expiryMs: number;
  /** How long to keep waiting for the hire after a pre-qualified result. */
  hireWaitMs: number;
}

export interface WotcInput {
  opportunityId: string;
  settings: WotcSettings;
}

export type WotcOutcome = WotcState;

export async function wotcScreening({ opportunityId, settings }: WotcInput): Promise<WotcOutcome> {
  const hrlogics = partnerActivities();
  const reader = new CandidateReader(opportunityId);
  const state: WotcState = { status: 'checking', remindersSent: 0 };
  const seenCallbacks = new Set<string>();
  let partnerExpired = false;
  let closeRequested = false;
  let hireRequested = false;

  const setStatus = (status: WotcStatus) => {
    state.status = status;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: status }]);
  };
  const isOurs = (callbackId: string, screeningId: string) => {
    if (seenCallbacks.has(callbackId)) return false;
    seenCallbacks.add(callbackId);
    return state.screeningId === undefined || state.screeningId === screeningId;
  };

  setHandler(wotcStateQuery, () => ({ ...state }));
  setHandler(screeningCompletedSignal, ({ callbackId, screeningId, result }) => {
    if (isOurs(callbackId, screeningId) && state.result === undefined) state.result = result;
  });
  setHandler(screeningExpiredSignal, ({ callbackId, screeningId }) => {
    if (isOurs(callbackId, screeningId)) partnerExpired = true;
  });
  setHandler(opportunityClosedSignal, () => void (closeRequested = true));
  setHandler(candidateHiredSignal, () => void (hireRequested = true));

  const initial = await reader.read();
  if (initial.kind === 'deleted') return finish('not-found');
  if (initial.kind === 'archived') return finish('archived');
  const { contact, postingId } = initial.candidate;
  if (!contact) return finish('no-email');

  const { workflowId } = workflowInfo();
  const screening = await hrlogics.hrlogicsCreateScreening({ externalId: opportunityId, postingId, applicant: contact }, workflowId);
  state.screeningId = screening.screeningId;
  setStatus('survey-sent');
  if (initial.kind === 'hired') await reportHire(initial);

  // Waiting for the applicant: one timer per wait, woken early by any signal.
  const deadline = Date.now() + settings.expiryMs;
  let nextReminderAt = Date.now() + settings.reminderIntervalMs;
  while (state.result === undefined) {
    if (closeRequested && (await candidateGone())) return cancelScreening();
    if (hireRequested) await confirmHire();
    if (partnerExpired) return finish('expired');
    const remindersLeft = state.remindersSent < settings.maxReminders && nextReminderAt < deadline;
    const wakeAt = remindersLeft ? nextReminderAt : deadline;
    const woken = await condition(() => state.result !== undefined || closeRequested || hireRequested || partnerExpired, Math.max(wakeAt - Date.now(), 1));
    if (woken) continue;
    if (!remindersLeft) return cancelScreening('expired');
    state.remindersSent += 1;
    await hrlogics.hrlogicsSendReminder(state.screeningId, `${workflowId}/reminder/${state.remindersSent}`);
    nextReminderAt += settings.reminderIntervalMs;
  }

  await setExclusiveTag(opportunityId, wotcTagFor(state.result), ALL_WOTC_TAGS);
  setStatus(state.result);

  // Form 8850 is due 28 days after the start date: a pre-qualified candidate's hire still matters.
  if (state.result === 'pre_qualified') {
    const hireDeadline = Date.now() + settings.hireWaitMs;
    while (state.startDateReported === undefined) {
      if (closeRequested && (await candidateGone())) break;
      if (hireRequested) await confirmHire();
      if (state.startDateReported !== undefined) break;
      const remaining = hireDeadline - Date.now();
      if (remaining <= 0 || !(await condition(() => hireRequested || closeRequested, remaining))) break;
    }
  }
  return { ...state };

  function finish(status: WotcStatus): WotcOutcome {
    setStatus(status);
    return { ...state };
  }

  async function cancelScreening(status: WotcStatus = 'cancelled'): Promise<WotcOutcome> {
    if (state.screeningId) await hrlogics.hrlogicsCancelScreening(state.screeningId);
    return finish(status);
  }

  /** Archive and delete webhooks are hints: only Lever's answer stops the screening. */
  async function candidateGone(): Promise<boolean> {
    closeRequested = false;
    const current = await reader.read();
    return current.kind === 'deleted' || current.kind === 'archived';
  }

  async function confirmHire(): Promise<void> {
    hireRequested = false;
    if (state.startDateReported !== undefined) return;
    const current = await reader.read();
    if (current.kind === 'hired') await reportHire(current);
  }

  async function reportHire(hired: Extract<CandidateState, { kind: 'hired' }>): Promise<void> {
    // Lever keeps the start date on the offer; the hire date is the best date the opportunity carries.
    const startDate = new Date(hired.hiredAt).toISOString().slice(0, 10);
    await hrlogics.hrlogicsReportHire(state.screeningId!, { startDate }, `${workflowId}/hire`);
    state.startDateReported = startDate;
  }
}
