// The WOTC screening process on the real dev server, driven through the sandbox: reminders and expiry by
// timers, hire date passed on, archive and delete (as the opportunity process saw them in Lever) cancel
// the screening.
import { randomUUID } from 'node:crypto';
import { wotcStateQuery, type WotcState } from '../../../src/integrations/hrlogics/messages';
import { hrlogicsControl } from '../../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS, wotcStopNotes } from '../../../src/integrations/hrlogics/tags';
import { SandboxControl } from '../../../src/sandbox/control-client';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { decisionOf } from '../../harness/opportunity';
import { startTestRelay, waitFor, type TestRelay } from '../../harness/relay';
import { resultOnceStarted } from '../../harness/temporal';

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

  it('sends the configured reminders, then expires: recorded (status, one note), the screening left in HRLogics; a late result still tags', async () => {
    const { opportunityId } = await control.apply({ name: 'Riley Reminder', email: email() });
    const handle = relay.client.workflow.getHandle(screeningProcess(opportunityId));
    const expired = await waitFor(
      async () => {
        const state = await handle.query(wotcStateQuery).catch(() => undefined);
        return state?.status === 'expired' && state;
      },
      { what: 'the survey to expire' },
    );
    expect(expired.remindersSent).toBe(2);
    const [screening] = await hrlogicsControl(control).screenings(opportunityId);
    // The contract cancels only on archive, delete or switch-off: the screening stays with HRLogics.
    expect(screening).toMatchObject({ reminders: 2, status: 'sent' });
    expect((await handle.describe()).searchAttributes.RelayStatus).toEqual(['expired']);
    const notes = await waitFor(async () => {
      const list = (await control.opportunity(opportunityId)).notes;
      return list.length > 0 && list;
    });
    expect(notes.map((n) => n.value)).toEqual([expect.stringMatching(/^HRLogics: the WOTC survey expired without an answer/)]);
    expect(notes[0].value).toContain(wotcStopNotes.expired(screening.screeningId).marker);
    expect(notes[0]).toMatchObject({ secret: false });
    expect((await control.opportunity(opportunityId)).tags.filter((t) => t.startsWith('HRLogics'))).toEqual([]);

    // The applicant answers after all: the result still counts.
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'not_qualified');
    expect(await handle.result()).toMatchObject({ status: 'not_qualified', remindersSent: 2 });
    expect((await control.opportunity(opportunityId)).tags).toContain(WOTC_TAGS.notQualified);
    expect((await control.opportunity(opportunityId)).notes).toHaveLength(1);
  });

  it("HRLogics' own expiry is recorded the same way, and a later archive cancels the screening as the contract says", async () => {
    const { opportunityId } = await control.apply({ name: 'Exa Expired', email: email() });
    const screening = await screeningOf(control, opportunityId);
    await hrlogicsControl(control).expireSurvey(screening.screeningId);
    const handle = relay.client.workflow.getHandle(screeningProcess(opportunityId));
    await waitFor(async () => (await handle.query(wotcStateQuery)).status === 'expired', { what: 'the expiry recorded' });
    await waitFor(async () => (await control.opportunity(opportunityId)).notes.length === 1, { what: 'the expiry note' });
    await control.archive(opportunityId);
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).toBe('cancelled');
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
    const archived = await result(relay, opportunityId);
    expect(archived).toMatchObject({ status: 'cancelled' });
    expect(archived).not.toHaveProperty('endedBecause');
    expect((await hrlogicsControl(control).screenings(opportunityId))[0].status).toBe('cancelled');
  });

  it('cancels the screening when the candidate is deleted', async () => {
    const { opportunityId } = await control.apply({ name: 'Del Deleted', email: email() });
    await screeningOf(control, opportunityId);
    await control.deleteOpportunity(opportunityId);
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'cancelled', endedBecause: 'deleted in Lever' });
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

  it('sends no survey to a candidate without an email, and says why in Lever, once', async () => {
    const { opportunityId, deliveryIds } = await control.apply({ name: 'Nobody Noemail' });
    await decisionOf(relay.client, opportunityId, 'hrlogics', {
      reason: /no email: no survey until one is added: the screening process notes it/,
    });
    expect(await result(relay, opportunityId)).toMatchObject({ status: 'no-email' });
    const [note] = (await control.opportunity(opportunityId)).notes;
    expect(note.value).toMatch(/^HRLogics: no WOTC survey was sent for this application: the opportunity has no email address\./);
    expect(note.value).not.toMatch(/Nobody/);
    // Lever delivering the webhook again: the ended process is the memory, nothing is written or read again.
    const again = Date.now();
    await control.redeliver(deliveryIds[0], 1);
    await decisionOf(relay.client, opportunityId, 'hrlogics', { since: again, reason: /noted in Lever before/ });
    expect(await hrlogicsControl(control).screenings(opportunityId)).toEqual([]);
    expect((await control.opportunity(opportunityId)).notes).toHaveLength(1);
    const notesReads = (await control.leverRequests()).filter((r) => r.at >= again && r.path.endsWith('/notes'));
    expect(notesReads).toEqual([]);
  });
});
