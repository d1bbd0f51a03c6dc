// The WOTC screening process on the real dev server, driven through the sandbox: reminders and expiry by
// timers, hire date passed on, archive and delete (as the opportunity process saw them in Lever) cancel
// the screening.
import { randomUUID } from 'node:crypto';
import { wotcStateQuery, type WotcState } from '../../src/integrations/hrlogics/messages';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { integrationProcessId } from '../../src/temporal/workflow-ids';
import { decisionOf } from '../harness/opportunity';
import { startTestRelay, waitFor, type TestRelay } from '../harness/relay';
import { resultOnceStarted } from '../harness/temporal';

const email = () => `wotc-${randomUUID()}@example.com`;
const screeningProcess = (opportunityId: string) => integrationProcessId('hrlogics', opportunityId);

async function screeningOf(control: SandboxControl, opportunityId: string) {
  return waitFor(async () => (await hrlogicsControl(control).screenings(opportunityId))[0], { what: `a screening for ${opportunityId}` });
}

function result(relay: TestRelay, opportunityId: string): Promise<WotcState> {
  return resultOnceStarted(relay.client, screeningProcess(opportunityId));
}

describe('WOTC workflow with short reminder and expiry timers', () => {
  let relay: TestRelay;
  let control: SandboxControl;
  beforeAll(async () => {
    relay = await startTestRelay({ env: { HRLOGICS_REMINDER_INTERVAL: '1s', HRLOGICS_MAX_REMINDERS: '2', HRLOGICS_EXPIRY: '4s' } });
    control = new SandboxControl(relay.sandbox.baseUrl);
  });
  afterAll(() => relay.stop());

  it('sends the configured reminders, then expires and cancels the screening without a tag', async () => {
    const { opportunityId } = await control.apply({ name: 'Riley Reminder', email: email() });
    const outcome = await result(relay, opportunityId);
    expect(outcome).toMatchObject({ status: 'expired', remindersSent: 2 });
    const [screening] = await hrlogicsControl(control).screenings(opportunityId);
    expect(screening).toMatchObject({ reminders: 2, status: 'cancelled' });
    expect((await control.opportunity(opportunityId)).tags.filter((t) => t.startsWith('HRLogics'))).toEqual([]);
    const description = await relay.client.workflow.getHandle(screeningProcess(opportunityId)).describe();
    expect(description.searchAttributes.RelayStatus).toEqual(['expired']);
  });

  it('stops reminding once the survey is submitted', async () => {
    const { opportunityId } = await control.apply({ name: 'Quick Quinn', email: email() });
    const screening = await screeningOf(control, opportunityId);
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'not_qualified');
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'not_qualified', remindersSent: 0 });
    expect((await control.opportunity(opportunityId)).tags).toContain(WOTC_TAGS.notQualified);
  });
});

describe('WOTC workflow with default timers', () => {
  let relay: TestRelay;
  let control: SandboxControl;
  beforeAll(async () => {
    relay = await startTestRelay();
    control = new SandboxControl(relay.sandbox.baseUrl);
  });
  afterAll(() => relay.stop());

  it('passes the hire date on to HRLogics and sets the result tag', async () => {
    const { opportunityId } = await control.apply({ name: 'Harper Hire', email: email() });
    const screening = await screeningOf(control, opportunityId);
    await control.hire(opportunityId);
    const today = new Date().toISOString().slice(0, 10);
    await waitFor(async () => (await hrlogicsControl(control).screenings(opportunityId))[0]?.hire, { what: 'the hire to reach HRLogics' });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].hire).toMatchObject({ startDate: today });
    // Hiring archives the opportunity too; that archive must not cancel the screening.
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'pre_qualified');
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'pre_qualified', startDateReported: today });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).not.toBe('cancelled');
    expect((await control.opportunity(opportunityId)).tags).toContain(WOTC_TAGS.preQualified);
  });

  it('waits for the hire after a pre-qualified result', async () => {
    const { opportunityId } = await control.apply({ name: 'Later Lee', email: email() });
    const screening = await screeningOf(control, opportunityId);
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'pre_qualified');
    const handle = relay.client.workflow.getHandle(screeningProcess(opportunityId));
    await waitFor(async () => (await handle.query(wotcStateQuery)).status === 'pre_qualified', { what: 'the result' });
    await control.hire(opportunityId);
    expect(await handle.result()).toMatchObject({ status: 'pre_qualified', startDateReported: new Date().toISOString().slice(0, 10) });
  });

  it('cancels the screening when the candidate is archived', async () => {
    const { opportunityId } = await control.apply({ name: 'Archie Archived', email: email() });
    await screeningOf(control, opportunityId);
    await control.archive(opportunityId);
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'cancelled' });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).toBe('cancelled');
  });

  it('cancels the screening when the candidate is deleted', async () => {
    const { opportunityId } = await control.apply({ name: 'Del Deleted', email: email() });
    await screeningOf(control, opportunityId);
    await control.deleteOpportunity(opportunityId);
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'cancelled' });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).toBe('cancelled');
  });

  it('ignores an archive webhook that Lever does not confirm (forged data under a valid signature)', async () => {
    const { opportunityId } = await control.apply({ name: 'Fay Forged', email: email() });
    const screening = await screeningOf(control, opportunityId);
    const sent = Date.now();
    const forged = await control.sendWebhook('candidateArchiveChange', {
      opportunityId,
      fromArchived: null,
      toArchived: { archivedAt: Date.now(), reason: 'reason-not-fit' },
    });
    expect(forged.status).toBe(202);
    const handle = relay.client.workflow.getHandle(screeningProcess(opportunityId));
    // The opportunity process reads Lever (not archived): nothing reaches the screening, which keeps waiting.
    await decisionOf(relay.client, opportunityId, 'hrlogics', { since: sent, reason: /under way/ });
    expect((await handle.query(wotcStateQuery)).status).toBe('survey-sent');
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'not_qualified');
    expect(await handle.result()).toMatchObject({ status: 'not_qualified' });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).not.toBe('cancelled');
  });

  it('sends no survey to a candidate without an email, and says why', async () => {
    const { opportunityId } = await control.apply({ name: 'Nobody Noemail' });
    await decisionOf(relay.client, opportunityId, 'hrlogics', { reason: /no email: no survey until one is added/ });
    expect(await hrlogicsControl(control).screenings(opportunityId)).toEqual([]);
  });
});
