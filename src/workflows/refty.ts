// Refty for one opportunity: join the rule's sequence when the candidate applies, send a request for a
// step each time its stage is entered, write the outcome of every request back to Lever, and cancel
// what is still open when the candidate is archived or deleted. It lives as long as the opportunity is
// open (waiting costs nothing), carrying its state over with continue-as-new when history grows.
import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { reftyStepTag, reftyStepTags } from '../lever/tags';
import { partnerActivities } from './activity-proxies';
import { noteMarkers } from '../lever/note-markers';
import { CandidateReader, setExclusiveTag } from './lever-steps';
import { addNoteOnce } from './sourcing-steps';
import { opportunityClosedSignal } from './opportunity-messages';
import { recordStatus } from './process-status';
import {
  reftyRequestUpdateSignal,
  reftyStateQuery,
  reftyStepRequestedSignal,
  type ReftyRequestUpdate,
  type ReftyState,
  type ReftyStatus,
  type ReftyStepRequested,
} from './refty-messages';
import { findStep, ruleForPosting, type ReftyRule } from './refty-rules';

export interface ReftyInput {
  opportunityId: string;
  rules: ReftyRule[];
  /** Step requests to handle first (the stage change that started this process). */
  requests?: ReftyStepRequested[];
  /** State handed over by continue-as-new. */
  carried?: ReftyState;
}

export type ReftyOutcome = ReftyState;

export async function reftyReferences(input: ReftyInput): Promise<ReftyOutcome> {
  const { opportunityId } = input;
  const refty = partnerActivities();
  const reader = new CandidateReader(opportunityId);
  const state: ReftyState = input.carried ?? { status: 'checking', requests: [], skipped: [], handled: [], seenCallbacks: [] };
  const pending: ReftyStepRequested[] = [...(input.requests ?? [])];
  const updates: ReftyRequestUpdate[] = [];
  const seen = new Set(state.seenCallbacks);
  let closeRequested = false;

  setHandler(reftyStateQuery, () => ({ ...state }));
  setHandler(reftyStepRequestedSignal, (requested) => void pending.push(requested));
  setHandler(reftyRequestUpdateSignal, (update) => {
    if (seen.has(update.callbackId)) return;
    seen.add(update.callbackId);
    state.seenCallbacks.push(update.callbackId);
    updates.push(update);
  });
  setHandler(opportunityClosedSignal, () => void (closeRequested = true));

  const { workflowId } = workflowInfo();
  if (!input.carried) {
    const initial = await reader.read();
    if (initial.kind === 'deleted') return finish('not-found');
    if (initial.kind !== 'open') return finish('archived');
    state.rule = ruleForPosting(input.rules, initial.candidate.postingId);
    if (!state.rule) return finish('not-covered');
    setStatus('active');
    if (initial.candidate.contact) await joinSequence(initial.candidate.contact);
  }

  for (;;) {
    if (closeRequested && (await candidateGone())) return cancelOpenRequests();
    while (updates.length > 0) await applyUpdate(updates.shift()!);
    while (pending.length > 0) await sendRequest(pending.shift()!);
    if (closeRequested) continue;
    // Nothing is pending here, so nothing is lost in the hand-over.
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof reftyReferences>({ ...input, requests: [], carried: { ...state } });
    await condition(() => pending.length > 0 || updates.length > 0 || closeRequested);
  }

  function setStatus(status: ReftyStatus): void {
    recordStatus(state, status);
  }

  function finish(status: ReftyStatus): ReftyOutcome {
    return recordStatus(state, status);
  }

  async function joinSequence(contact: { firstName: string; lastName: string; email: string; phone?: string }): Promise<string> {
    const rule = state.rule!;
    state.candidateId ??= (
      await refty.reftyJoinSequence(
        { externalId: opportunityId, sequenceId: rule.sequenceId, language: rule.language, ...contact },
        `${workflowId}/join/${rule.sequenceId}`,
      )
    ).candidateId;
    return state.candidateId;
  }

  async function sendRequest(requested: ReftyStepRequested): Promise<void> {
    const key = `${requested.stepId}@${requested.triggeredAt}`;
    if (state.handled.includes(key)) return;
    state.handled.push(key);
    const skip = (reason: string) => void state.skipped.push({ ...requested, reason });
    const step = findStep(state.rule!, requested.stepId);
    if (!step) return skip('the step is not in this rule');
    // The email may have been added since the application: read it now.
    const current = await reader.read();
    if (current.kind !== 'open') return skip('the opportunity is closed');
    if (!current.candidate.contact) return skip('no email on the opportunity');
    const candidateId = await joinSequence(current.candidate.contact);
    // triggeredAt in the key: entering the stage again is a new request, the same entry is not.
    const { requestId } = await refty.reftyRequestStep(candidateId, step.stepId, `${workflowId}/request/${step.stepId}/${requested.triggeredAt}`);
    state.requests.push({ requestId, stepId: step.stepId, triggeredAt: requested.triggeredAt, status: 'sent' });
    await setExclusiveTag(opportunityId, reftyStepTag(step.name, 'Sent'), reftyStepTags(step.name));
  }

  async function applyUpdate(update: ReftyRequestUpdate): Promise<void> {
    const step = findStep(state.rule!, update.stepId);
    if (!step) return;
    let record = state.requests.find((r) => r.requestId === update.requestId);
    if (!record) {
      // A request this process lost track of (sent before a crash of an older version, say): still write it back.
      record = { requestId: update.requestId, stepId: step.stepId, triggeredAt: 0, status: 'sent' };
      state.requests.push(record);
    }
    if (record.status !== 'sent') return;
    record.status = update.outcome;
    const marker = noteMarkers.reftyOutcome(update.outcome, update.requestId);
    if (update.outcome === 'completed') {
      // Reports carry what referees said about the candidate: only the hiring team may see the link.
      await addNoteOnce(opportunityId, marker, `Refty: ${step.name} completed. Report: ${update.reportUrl}`, { secret: true });
      const latest = state.requests.filter((r) => r.stepId === step.stepId).at(-1);
      if (latest === record) await setExclusiveTag(opportunityId, reftyStepTag(step.name, 'Completed'), reftyStepTags(step.name));
    } else {
      await addNoteOnce(opportunityId, marker, `Refty: the ${step.name} request ${update.outcome === 'expired' ? 'expired without an answer' : 'was declined'}.`);
    }
  }

  async function cancelOpenRequests(): Promise<ReftyOutcome> {
    for (const record of state.requests.filter((r) => r.status === 'sent')) {
      await refty.reftyCancelRequest(record.requestId);
      record.status = 'cancelled';
    }
    return finish('cancelled');
  }

  /** Archive and delete webhooks are hints: only Lever's answer stops the process. */
  async function candidateGone(): Promise<boolean> {
    closeRequested = false;
    return (await reader.read()).kind !== 'open';
  }
}
