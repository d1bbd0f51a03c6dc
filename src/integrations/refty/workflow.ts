// Refty for one opportunity (`refty/<opportunityId>`): join the rule's sequence, send a request for a step
// each time its stage is newly entered, write the outcome of every request back to Lever, and cancel what
// is still open when the candidate is archived or deleted. It lives as long as the opportunity is open
// (waiting costs nothing), carrying its state over with continue-as-new when history grows.
import { setHandler, workflowInfo } from '@temporalio/workflow';
import { stageEntryKey, type LiveOpportunity } from '../../lever/snapshot';
import { partnerActivities } from '../kit/activity-proxies';
import { addNoteOnce } from '../kit/lever-writes';
import { OpportunityProcess } from '../kit/process';
import { noteStop } from '../kit/stop-notes';
import type { ReftyActivities } from './activities';
import { stepEntered } from './decide';
import { reftyRequestUpdateSignal, reftyStateQuery, type ReftyInput, type ReftyRequestUpdate, type ReftyState } from './messages';
import { findStep, ruleForPosting } from './rules';
import { reftyNoteMarkers, reftyStepTag, reftyStepTags, reftyStopNotes } from './tags';

export async function reftyReferences(input: ReftyInput): Promise<ReftyState> {
  const { opportunityId, settings } = input;
  const refty = partnerActivities<ReftyActivities>();
  const state: ReftyState = input.carried ?? { status: 'starting', requests: [], skipped: [], handled: [], seenCallbacks: [] };
  const process = new OpportunityProcess(opportunityId, input.snapshot, state, reftyStateQuery);
  const updates: ReftyRequestUpdate[] = [];
  const { workflowId } = workflowInfo();

  setHandler(reftyRequestUpdateSignal, (update) => {
    if (process.firstDelivery(update.callbackId)) updates.push(update);
  });

  if (!input.carried) {
    if (process.standing !== 'open') return process.finish('archived');
    state.rule = ruleForPosting(settings.rules, input.snapshot.postingId);
    // Started for an entry into a step's stage on a posting no rule covers: say so in Lever, once.
    if (!state.rule) return process.stop('not-covered', reftyStopNotes.notCovered(opportunityId), settings);
    process.setStatus('active');
    if (input.snapshot.contact) await joinSequence(input.snapshot);
    await requestStepOf(input.snapshot, input.actOnFactsSince);
  }

  for (;;) {
    for (const { snapshot, actOnFactsSince } of process.takeChanges()) {
      if (!snapshot.deleted && !snapshot.archived) await requestStepOf(snapshot, actOnFactsSince);
    }
    if (process.standing !== 'open') return cancelOpenRequests();
    while (updates.length > 0) await applyUpdate(updates.shift()!);
    // Nothing is pending here, so nothing is lost in the hand-over.
    const latest = process.latest;
    await process.carryOnIfLong<typeof reftyReferences>(updates.length === 0, () => ({
      ...input,
      snapshot: latest.deleted ? input.snapshot : latest,
      carried: { ...state },
    }));
    await process.wait(() => updates.length > 0);
  }

  async function joinSequence(snapshot: LiveOpportunity): Promise<string> {
    const rule = state.rule!;
    state.candidateId ??= (
      await refty.reftyJoinSequence(
        { externalId: opportunityId, sequenceId: rule.sequenceId, language: rule.language, ...snapshot.contact! },
        `${workflowId}/join/${rule.sequenceId}`,
      )
    ).candidateId;
    return state.candidateId;
  }

  /** The request of the step whose stage the opportunity newly entered, once per entry. */
  async function requestStepOf(snapshot: LiveOpportunity, since: number): Promise<void> {
    const step = stepEntered(state.rule!, snapshot, since);
    if (!step) return;
    const entry = stageEntryKey(snapshot.stage);
    const key = `${step.stepId}/${entry}`;
    if (state.handled.includes(key)) return;
    state.handled.push(key);
    // The email may have been added since the application: this snapshot says.
    if (!snapshot.contact) {
      state.skipped.push({ stepId: step.stepId, entry, reason: 'no email on the opportunity' });
      return noteStop(opportunityId, settings, reftyStopNotes.noEmail(opportunityId, step));
    }
    const candidateId = await joinSequence(snapshot);
    // The entry in the key: entering the stage again is a new request, the same entry is not.
    const { requestId } = await refty.reftyRequestStep(candidateId, step.stepId, `${workflowId}/request/${step.stepId}/${entry}`);
    state.requests.push({ requestId, stepId: step.stepId, entry, status: 'sent' });
    await process.setExclusiveTag(reftyStepTag(step.name, 'Sent'), reftyStepTags(step.name), 'snapshot');
  }

  async function applyUpdate(update: ReftyRequestUpdate): Promise<void> {
    const step = findStep(state.rule!, update.stepId);
    if (!step) return;
    let record = state.requests.find((r) => r.requestId === update.requestId);
    if (!record) {
      // A request this process lost track of (sent by an earlier run of it, say): still write it back.
      record = { requestId: update.requestId, stepId: step.stepId, entry: 'unknown', status: 'sent' };
      state.requests.push(record);
    }
    if (record.status !== 'sent') return;
    record.status = update.outcome;
    if (update.outcome === 'completed') {
      // Reports carry what referees said about the candidate: only the hiring team may see the link.
      const marker = reftyNoteMarkers.outcome(update.outcome, update.requestId);
      await addNoteOnce(opportunityId, marker, `Refty: ${step.name} completed. Report: ${update.reportUrl}`, { secret: true });
      const latest = state.requests.filter((r) => r.stepId === step.stepId).at(-1);
      if (latest === record) await process.setExclusiveTag(reftyStepTag(step.name, 'Completed'), reftyStepTags(step.name), 'read');
    } else {
      await noteStop(opportunityId, settings, reftyStopNotes.ended(update.outcome, update.requestId, step));
    }
  }

  async function cancelOpenRequests(): Promise<ReftyState> {
    for (const record of state.requests.filter((r) => r.status === 'sent')) {
      await refty.reftyCancelRequest(record.requestId);
      record.status = 'cancelled';
    }
    return process.finish('cancelled');
  }
}
