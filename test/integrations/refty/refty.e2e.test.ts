// Refty end to end through HTTP only: the sandbox plays Lever (applications, stage moves, archive), Refty
// and the referees; assertions read the sandbox's state back over its control API. The sandbox rule
// covers the support lead posting: self-assessment at phone screen, reference check on-site.
import { randomUUID } from 'node:crypto';
import { reftyControl, type ReftyControl } from '../../../src/integrations/refty/sandbox/control-client';
import { reftyStepTag } from '../../../src/integrations/refty/tags';
import { SandboxControl } from '../../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../../src/sandbox/lever/seed';
import { reftyStateQuery } from '../../../src/integrations/refty/messages';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { waitFor } from '../../harness/http';
import { decisionOf } from '../../harness/opportunity';
import { startTestRelay, type TestRelay } from '../../harness/relay';
import { resultOnceStarted } from '../../harness/temporal';

let relay: TestRelay;
let control: SandboxControl;
let refty: ReftyControl;

beforeAll(async () => {
  relay = await startTestRelay({ env: { WILLO_ENABLED: 'false', HRLOGICS_ENABLED: 'false' } });
  control = new SandboxControl(relay.sandbox.baseUrl);
  refty = reftyControl(control);
});
afterAll(() => relay.stop());

const email = () => `refty-${randomUUID()}@example.com`;
const SELF = {
  stepId: 'step-self-assessment',
  sent: reftyStepTag('Self Assessment', 'Sent'),
  completed: reftyStepTag('Self Assessment', 'Completed'),
};
const REFS = { stepId: 'step-references', sent: reftyStepTag('Reference Check', 'Sent') };
const reftyTags = (tags: string[]) => tags.filter((t) => t.startsWith('Refty:')).sort();

async function applyToCoveredPosting(withEmail = true) {
  return control.apply({ name: 'Rhea Reference', ...(withEmail ? { email: email() } : {}), postingId: SEED_POSTING_IDS.supportLead });
}

async function joined(opportunityId: string) {
  return waitFor(async () => (await refty.candidates(opportunityId))[0], { what: `the Refty candidate of ${opportunityId}` });
}

async function requestsOf(opportunityId: string, count: number) {
  return waitFor(
    async () => {
      const list = await refty.requests(opportunityId);
      return list.length >= count ? list : undefined;
    },
    { what: `${count} Refty requests for ${opportunityId}` },
  );
}

async function tagged(opportunityId: string, expected: string[]) {
  return waitFor(
    async () => {
      const tags = reftyTags((await control.opportunity(opportunityId)).tags);
      return JSON.stringify(tags) === JSON.stringify([...expected].sort()) ? tags : undefined;
    },
    { what: `Refty tags ${expected.join(', ')} on ${opportunityId}` },
  );
}

describe('Refty end to end', () => {
  it('application joins the sequence; phone screen -> self-assessment request -> completed -> secret note with the report and the Completed tag', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    expect(await joined(opportunityId)).toMatchObject({ sequenceId: 'seq-support', language: 'en' });
    await control.moveStage(opportunityId, 'phone-screen');
    const [request] = await requestsOf(opportunityId, 1);
    expect(request).toMatchObject({ stepId: SELF.stepId, status: 'sent' });
    await tagged(opportunityId, [SELF.sent]);

    const completed = await refty.finish(request.requestId, 'complete');
    expect(completed.status).toBe(200);
    expect((await refty.redeliverCallback(completed.callbackId, 3)).statuses).toEqual([200, 200, 200]);
    await tagged(opportunityId, [SELF.completed]);
    // A query answers after every signal recorded before it: the three copies have been seen (and dropped).
    const state = await relay.client.workflow.getHandle(integrationProcessId('refty', opportunityId)).query(reftyStateQuery);
    expect(state.seenCallbacks.filter((id) => id === completed.callbackId)).toHaveLength(1);
    expect(state.requests).toEqual([expect.objectContaining({ requestId: request.requestId, status: 'completed' })]);
    const { notes } = await control.opportunity(opportunityId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ secret: true });
    expect(notes[0].value).toContain(`/refty/reports/${request.requestId}`);
    expect(await refty.candidates(opportunityId)).toHaveLength(1);
  });

  it('re-entering the stage sends a new request; the same webhook delivered again does not', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    const first = await control.moveStage(opportunityId, 'phone-screen');
    await requestsOf(opportunityId, 1);
    await control.moveStage(opportunityId, 'applicant-new');
    await control.moveStage(opportunityId, 'phone-screen');
    const requests = await requestsOf(opportunityId, 2);
    expect(requests.map((r) => r.stepId)).toEqual([SELF.stepId, SELF.stepId]);
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(2);

    await waitFor(async () => (await control.deliveries({ opportunityId, event: 'candidateStageChange' })).every((d) => d.delivered), {
      what: 'deliveries',
    });
    const redelivered = Date.now();
    const { statuses } = await control.redeliver(first.deliveryIds[0], 5);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    // Each copy makes the opportunity process look again: the current entry has been requested already.
    await decisionOf(relay.client, opportunityId, 'refty', { since: redelivered });
    // The sequence process has seen what was handed to it (a query answers after the signals before it):
    // still two entries handled, so no third request is on its way.
    const state = await relay.client.workflow.getHandle(integrationProcessId('refty', opportunityId)).query(reftyStateQuery);
    expect(state.handled).toHaveLength(2);
    expect(await refty.requests(opportunityId)).toHaveLength(2);
  });

  it('the reference-check step has its own stage; expired and declined requests are noted', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    await control.moveStage(opportunityId, 'phone-screen');
    await requestsOf(opportunityId, 1);
    await control.moveStage(opportunityId, 'onsite');
    const [self, refs] = await requestsOf(opportunityId, 2);
    expect(refs.stepId).toBe(REFS.stepId);
    await tagged(opportunityId, [SELF.sent, REFS.sent]);
    await refty.finish(self.requestId, 'expire');
    await refty.finish(refs.requestId, 'decline');
    const notes = await waitFor(
      async () => {
        const list = (await control.opportunity(opportunityId)).notes;
        return list.length === 2 ? list : undefined;
      },
      { what: 'two notes' },
    );
    expect(notes.map((n) => n.value).join('\n')).toMatch(/Self Assessment request expired[\s\S]*Reference Check request was declined/);
  });

  it('sends no request to a candidate without an email', async () => {
    const { opportunityId } = await applyToCoveredPosting(false);
    await control.moveStage(opportunityId, 'phone-screen');
    const process = relay.client.workflow.getHandle(integrationProcessId('refty', opportunityId));
    const state = await waitFor(
      async () => {
        const current = await process.query(reftyStateQuery).catch(() => undefined);
        return current && current.skipped.length > 0 && current;
      },
      { what: 'the step request to be skipped' },
    );
    expect(state.skipped[0]).toMatchObject({ stepId: SELF.stepId, reason: 'no email on the opportunity' });
    const notes = await waitFor(async () => {
      const list = (await control.opportunity(opportunityId)).notes;
      return list.length > 0 && list;
    });
    expect(notes.map((n) => n.value)).toEqual([
      expect.stringMatching(/^Refty: no Self Assessment request was sent: the opportunity has no email address\./),
    ]);
    expect(await refty.candidates(opportunityId)).toEqual([]);
    expect(await refty.requests(opportunityId)).toEqual([]);
  });

  it('sends nothing for a posting no rule covers; entering a step stage there is noted in Lever once, other stages not at all', async () => {
    const { opportunityId } = await control.apply({ name: 'Una Uncovered', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const offer = Date.now();
    await control.moveStage(opportunityId, 'offer');
    await decisionOf(relay.client, opportunityId, 'refty', { since: offer, reason: /^the posting is not covered by a Refty rule$/ });
    const moved = Date.now();
    await control.moveStage(opportunityId, 'phone-screen');
    await decisionOf(relay.client, opportunityId, 'refty', {
      since: moved,
      reason: /not covered by a Refty rule: the sequence process notes it/,
    });
    expect(await resultOnceStarted(relay.client, integrationProcessId('refty', opportunityId))).toMatchObject({ status: 'not-covered' });
    const again = Date.now();
    await control.moveStage(opportunityId, 'onsite');
    await decisionOf(relay.client, opportunityId, 'refty', { since: again, reason: /noted in Lever before/ });
    const { notes } = await control.opportunity(opportunityId);
    expect(notes.map((n) => n.value)).toEqual([
      expect.stringMatching(/^Refty: no self-assessment or reference check is sent for this opportunity: its posting is not covered/),
    ]);
    expect(await refty.candidates(opportunityId)).toEqual([]);
    expect(await refty.requests(opportunityId)).toEqual([]);
  });

  it('cancels the open request when the candidate is archived in the middle of a step', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    await control.moveStage(opportunityId, 'phone-screen');
    await requestsOf(opportunityId, 1);
    await control.archive(opportunityId);
    await waitFor(async () => (await refty.requests(opportunityId))[0].status === 'cancelled', { what: 'the request to be cancelled' });
  });

  it('a forged stage change (valid signature, a stage the opportunity never entered) sends no request', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    const sent = Date.now();
    const forged = await control.sendWebhook('candidateStageChange', {
      opportunityId,
      candidateId: opportunityId,
      fromStageId: 'applicant-new',
      toStageId: 'onsite',
    });
    expect(forged.status).toBe(202);
    // Lever says the candidate is still a new applicant: nothing to request.
    await decisionOf(relay.client, opportunityId, 'refty', { since: sent, reason: /already in the sequence|no new application/ });
    expect(await refty.requests(opportunityId)).toEqual([]);
  });

  it('acts once per stage entry: the same entry with three different triggeredAt values sends one request', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    await control.moveStage(opportunityId, 'phone-screen');
    const [request] = await requestsOf(opportunityId, 1);
    // Lever retrying with a new triggeredAt (unconfirmed either way), or a Rerun by hand: same entry.
    const entry = (await control.opportunity(opportunityId)) as unknown as { stage: string };
    expect(entry.stage).toBe('phone-screen');
    const since = Date.now();
    for (const offset of [1_000, 2_000, 3_000]) {
      const answer = await control.sendWebhook(
        'candidateStageChange',
        { opportunityId, candidateId: opportunityId, toStageId: 'phone-screen' },
        Date.now() + offset,
      );
      expect(answer.status).toBe(202);
    }
    await decisionOf(relay.client, opportunityId, 'refty', { since, reason: /entered the Self Assessment stage/ });
    await waitFor(
      async () => {
        const state = await relay.client.workflow.getHandle(integrationProcessId('refty', opportunityId)).query(reftyStateQuery);
        return state.handled.length === 1 && state;
      },
      { what: 'one handled entry' },
    );
    expect(await refty.requests(opportunityId)).toEqual([request]);
  });

  it('archive -> unarchive sends nothing; re-entering the step stage afterwards sends a new request', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    await control.moveStage(opportunityId, 'phone-screen');
    await requestsOf(opportunityId, 1);
    await control.archive(opportunityId);
    await waitFor(async () => (await refty.requests(opportunityId))[0].status === 'cancelled', { what: 'the request to be cancelled' });
    const unarchived = Date.now();
    await control.archive(opportunityId, null);
    // The candidate is back, still in phone screen. Whether that entry still counts as news (it is seconds
    // old) or not, the request keyed by it is the one Refty already has: nothing new is sent.
    const decided = await decisionOf(relay.client, opportunityId, 'refty', { since: unarchived });
    if (decided.decision === 'start') {
      // A new run for the same entry: its request carries the same Idempotency-Key, and Refty answers it
      // with the request it has. Wait until that answer is recorded.
      const process = relay.client.workflow.getHandle(integrationProcessId('refty', opportunityId));
      await waitFor(async () => {
        const state = await process.query(reftyStateQuery);
        return state.status === 'active' && state.requests.length === 1;
      });
    }
    expect(await refty.requests(opportunityId)).toHaveLength(1);
    await control.moveStage(opportunityId, 'applicant-new');
    await control.moveStage(opportunityId, 'phone-screen');
    const requests = await requestsOf(opportunityId, 2);
    expect(requests.map((r) => [r.stepId, r.status])).toEqual([
      [SELF.stepId, 'cancelled'],
      [SELF.stepId, 'sent'],
    ]);
  });
});
