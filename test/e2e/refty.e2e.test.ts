// Refty end to end through HTTP only: the sandbox plays Lever (applications, stage moves, archive), Refty
// and the referees; assertions read the sandbox's state back over its control API. The sandbox rule
// covers the support lead posting: self-assessment at phone screen, reference check on-site.
import { randomUUID } from 'node:crypto';
import { reftyStepTag } from '../../src/lever/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';

let relay: TestRelay;
let control: SandboxControl;

beforeAll(async () => {
  relay = await startTestRelay({ env: { WILLO_ENABLED: 'false', HRLOGICS_ENABLED: 'false' } });
  control = new SandboxControl(relay.sandbox.baseUrl);
});
afterAll(() => relay.stop());

const email = () => `refty-${randomUUID()}@example.com`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SELF = { stepId: 'step-self-assessment', sent: reftyStepTag('Self Assessment', 'Sent'), completed: reftyStepTag('Self Assessment', 'Completed') };
const REFS = { stepId: 'step-references', sent: reftyStepTag('Reference Check', 'Sent') };
const reftyTags = (tags: string[]) => tags.filter((t) => t.startsWith('Refty:')).sort();

async function applyToCoveredPosting(withEmail = true) {
  return control.apply({ name: 'Rhea Reference', ...(withEmail ? { email: email() } : {}), postingId: SEED_POSTING_IDS.supportLead });
}

async function joined(opportunityId: string) {
  return waitFor(async () => (await control.reftyCandidates(opportunityId))[0], { what: `the Refty candidate of ${opportunityId}` });
}

async function requestsOf(opportunityId: string, count: number) {
  return waitFor(async () => {
    const list = await control.reftyRequests(opportunityId);
    return list.length >= count ? list : undefined;
  }, { what: `${count} Refty requests for ${opportunityId}` });
}

async function tagged(opportunityId: string, expected: string[]) {
  return waitFor(async () => {
    const tags = reftyTags((await control.opportunity(opportunityId)).tags);
    return JSON.stringify(tags) === JSON.stringify([...expected].sort()) ? tags : undefined;
  }, { what: `Refty tags ${expected.join(', ')} on ${opportunityId}` });
}

describe('Refty end to end', () => {
  it('application joins the sequence; phone screen -> self-assessment request -> completed -> secret note with the report and the Completed tag', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    expect(await joined(opportunityId)).toMatchObject({ sequenceId: 'seq-support', language: 'en' });
    await control.moveStage(opportunityId, 'phone-screen');
    const [request] = await requestsOf(opportunityId, 1);
    expect(request).toMatchObject({ stepId: SELF.stepId, status: 'sent' });
    await tagged(opportunityId, [SELF.sent]);

    const completed = await control.finishReftyRequest(request.requestId, 'complete');
    expect(completed.status).toBe(200);
    expect((await control.redeliverCallback(completed.callbackId, 3, 'refty')).statuses).toEqual([200, 200, 200]);
    await tagged(opportunityId, [SELF.completed]);
    await pause(500);
    const { notes } = await control.opportunity(opportunityId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ secret: true });
    expect(notes[0].value).toContain(`/refty/reports/${request.requestId}`);
    expect(await control.reftyCandidates(opportunityId)).toHaveLength(1);
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

    await waitFor(async () => (await control.deliveries({ opportunityId, event: 'candidateStageChange' })).every((d) => d.delivered), { what: 'deliveries' });
    const { statuses } = await control.redeliver(first.deliveryIds[0], 5);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await pause(1500);
    expect(await control.reftyRequests(opportunityId)).toHaveLength(2);
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
    await control.finishReftyRequest(self.requestId, 'expire');
    await control.finishReftyRequest(refs.requestId, 'decline');
    const notes = await waitFor(async () => {
      const list = (await control.opportunity(opportunityId)).notes;
      return list.length === 2 ? list : undefined;
    }, { what: 'two notes' });
    expect(notes.map((n) => n.value).join('\n')).toMatch(/Self Assessment request expired[\s\S]*Reference Check request was declined/);
  });

  it('sends no request to a candidate without an email', async () => {
    const { opportunityId } = await applyToCoveredPosting(false);
    await control.moveStage(opportunityId, 'phone-screen');
    await waitFor(async () => (await control.deliveries({ opportunityId, event: 'candidateStageChange' }))[0]?.delivered, { what: 'the delivery' });
    await pause(1500);
    expect(await control.reftyCandidates(opportunityId)).toEqual([]);
    expect(await control.reftyRequests(opportunityId)).toEqual([]);
  });

  it('does nothing for a posting no rule covers', async () => {
    const { opportunityId } = await control.apply({ name: 'Una Uncovered', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await control.moveStage(opportunityId, 'phone-screen');
    await pause(1500);
    expect(await control.reftyCandidates(opportunityId)).toEqual([]);
    expect(await control.reftyRequests(opportunityId)).toEqual([]);
  });

  it('cancels the open request when the candidate is archived in the middle of a step', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    await control.moveStage(opportunityId, 'phone-screen');
    await requestsOf(opportunityId, 1);
    await control.archive(opportunityId);
    await waitFor(async () => (await control.reftyRequests(opportunityId))[0].status === 'cancelled', { what: 'the request to be cancelled' });
  });

  it('a forged stage change (valid signature, a stage the opportunity never entered) sends no request', async () => {
    const { opportunityId } = await applyToCoveredPosting();
    await joined(opportunityId);
    const forged = await control.sendWebhook('candidateStageChange', { opportunityId, candidateId: opportunityId, fromStageId: 'applicant-new', toStageId: 'onsite' });
    expect(forged.status).toBe(202);
    await pause(2000);
    expect(await control.reftyRequests(opportunityId)).toEqual([]);
  });
});
