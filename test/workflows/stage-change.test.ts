// The stage-change run, Willo and Refty processes on the real dev server, driven through the sandbox;
// here the workflows' own records are checked: why nothing was sent, what a second trigger did, expiry.
import { randomUUID } from 'node:crypto';
import { basicAuth } from '../../src/http/json-client';
import { WILLO_TAGS } from '../../src/lever/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SANDBOX_LEVER_API_KEY } from '../../src/sandbox/defaults';
import { SEED_POSTING_IDS, SEED_USERS } from '../../src/sandbox/lever/seed';
import { workflowIds } from '../../src/workflow-ids';
import { reftyStateQuery } from '../../src/workflows/refty-messages';
import type { StageChangeOutcome } from '../../src/workflows/stage-change';
import type { WilloOutcome } from '../../src/workflows/willo';
import { willoStateQuery } from '../../src/workflows/willo-messages';
import { http, waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { resultOnceStarted } from '../harness/temporal';

let relay: TestRelay;
let control: SandboxControl;

beforeAll(async () => {
  relay = await startTestRelay({ env: { WILLO_TRIGGER_STAGES: 'Phone Screen,onsite', WILLO_INVITE_EXPIRY: '3s', HRLOGICS_ENABLED: 'false' } });
  control = new SandboxControl(relay.sandbox.baseUrl);
});
afterAll(() => relay.stop());

const email = () => `stage-${randomUUID()}@example.com`;
const lever = (method: string, path: string, body?: unknown) =>
  http<{ data: { id: string } }>(method, `${relay.sandbox.baseUrl}/lever/v1${path}`, body, { authorization: basicAuth(SANDBOX_LEVER_API_KEY) });

/** The stage-change run a move started: its id comes from the delivery's own triggeredAt. */
async function moved(opportunityId: string, toStageId: string): Promise<StageChangeOutcome> {
  const { deliveryIds } = await control.moveStage(opportunityId, toStageId);
  const delivery = (await control.deliveries({ opportunityId })).find((d) => d.deliveryId === deliveryIds[0])!;
  const { triggeredAt } = JSON.parse(delivery.body) as { triggeredAt: number };
  return resultOnceStarted(relay.client, workflowIds.stageChange(opportunityId, toStageId, triggeredAt));
}

describe('stage changes', () => {
  it('a forged stage change is not confirmed, says why, and starts nothing', async () => {
    const { opportunityId } = await control.apply({ name: 'Fred Forged', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const forged = await control.sendWebhook('candidateStageChange', { opportunityId, toStageId: 'phone-screen', fromStageId: 'applicant-new' });
    const [started] = (forged.body as { results: { workflowId: string }[] }).results;
    const outcome = await resultOnceStarted<StageChangeOutcome>(relay.client, started.workflowId);
    expect(outcome).toEqual({ confirmed: false, reason: expect.stringMatching(/no entry into phone-screen/) });
    await expect(relay.client.workflow.getHandle(workflowIds.willo(opportunityId)).describe()).rejects.toThrow(/not found/i);
  });

  it('records why no invite went out: no interview tag, or a tag naming no Willo interview', async () => {
    const untagged = await control.apply({ name: 'Tom Untagged', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    expect((await moved(untagged.opportunityId, 'phone-screen')).willo).toMatch(/no invite: neither the opportunity nor its posting has a Willo:<Interview>-Sandbox tag/);

    const unknown = await control.apply({ name: 'Uma Unknown', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    expect((await lever('POST', `/opportunities/${unknown.opportunityId}/addTags`, { tags: ['Willo:Retired Interview-Sandbox'] })).status).toBe(200);
    expect((await moved(unknown.opportunityId, 'phone-screen')).willo).toMatch(/Willo has no interview titled "Retired Interview"/);
    expect(await control.participants(unknown.opportunityId)).toEqual([]);
  });

  it('a second trigger stage is recorded by the running Willo process and invites nobody again', async () => {
    const { opportunityId } = await control.apply({ name: 'Sam Second', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    expect((await moved(opportunityId, 'phone-screen')).willo).toMatch(/handed to willo\//);
    expect((await moved(opportunityId, 'onsite')).willo).toMatch(/already running: recorded there, no second invite/);
    const state = await relay.client.workflow.getHandle(workflowIds.willo(opportunityId)).query(willoStateQuery);
    expect(state.laterTriggers).toEqual([expect.objectContaining({ stageId: 'onsite' })]);
    // The hand-off returns before the Willo process has invited: wait for the invite, then make sure it stays one.
    await waitFor(async () => (await control.participants(opportunityId)).length > 0, { what: 'the invite' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await control.participants(opportunityId)).toHaveLength(1);
  });

  it('an invite that expires without a response is recorded and keeps Willo:Invited; a later trigger does not invite again', async () => {
    const { opportunityId } = await control.apply({ name: 'Eve Expired', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await moved(opportunityId, 'phone-screen');
    const outcome = await resultOnceStarted<WilloOutcome>(relay.client, workflowIds.willo(opportunityId));
    expect(outcome).toMatchObject({ status: 'expired', interviewKey: 'int-engineering-screen' });
    expect((await control.opportunity(opportunityId)).tags).toContain(WILLO_TAGS.invited);
    expect((await moved(opportunityId, 'onsite')).willo).toMatch(/already finished: no second invite/);
    expect(await control.participants(opportunityId)).toHaveLength(1);
  });

  it('a candidate without an email is not invited, and the Willo process says so', async () => {
    const { opportunityId } = await control.apply({ name: 'Ned Noemail', postingId: SEED_POSTING_IDS.backendEngineer });
    await moved(opportunityId, 'phone-screen');
    expect(await resultOnceStarted<WilloOutcome>(relay.client, workflowIds.willo(opportunityId))).toMatchObject({ status: 'no-email' });
  });

  it('finds the interview tag on the posting when it was added after the application', async () => {
    const { opportunityId } = await control.apply({ name: 'Pia Posting', email: email(), postingId: SEED_POSTING_IDS.supportLead });
    await control.tagPosting(SEED_POSTING_IDS.supportLead, ['Willo:Support Screen-Sandbox']);
    expect((await moved(opportunityId, 'phone-screen')).willo).toMatch(/invite to interview int-support-screen/);
    await waitFor(async () => (await control.participants(opportunityId))[0], { what: 'the participant' });
  });

  it('Refty: a stage change starts the process when no application webhook did, and records a request without an email as skipped', async () => {
    // Created through the Data API, so Lever sends no applicationCreated: the stage change starts Refty.
    const created = await lever('POST', `/opportunities?perform_as=${SEED_USERS.rita.id}`, { name: 'Ray Direct', emails: [email()], postings: [SEED_POSTING_IDS.supportLead], stage: 'applicant-new' });
    const opportunityId = created.body.data.id;
    expect((await moved(opportunityId, 'phone-screen')).refty).toMatch(/step-self-assessment requested/);
    const handle = relay.client.workflow.getHandle(workflowIds.refty(opportunityId));
    const state = await waitFor(async () => {
      const s = await handle.query(reftyStateQuery).catch(() => undefined);
      return s && s.requests.length === 1 ? s : undefined;
    }, { what: 'the first request' });
    expect(state).toMatchObject({ status: 'active', requests: [{ stepId: 'step-self-assessment', status: 'sent' }] });
    expect((await moved(opportunityId, 'offer')).refty).toBe('no Refty step is linked to this stage');

    const noEmail = await control.apply({ name: 'Nia Noemail', postingId: SEED_POSTING_IDS.supportLead });
    await moved(noEmail.opportunityId, 'phone-screen');
    const skipped = await waitFor(async () => {
      const s = await relay.client.workflow.getHandle(workflowIds.refty(noEmail.opportunityId)).query(reftyStateQuery);
      return s.skipped.length > 0 ? s : undefined;
    }, { what: 'the skipped request' });
    expect(skipped.skipped).toEqual([expect.objectContaining({ stepId: 'step-self-assessment', reason: 'no email on the opportunity' })]);
    expect(skipped.candidateId).toBeUndefined();
  });
});
