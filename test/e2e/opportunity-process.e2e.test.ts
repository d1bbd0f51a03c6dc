// The opportunity process end to end through HTTP, with all five integrations on: what one event costs in
// Lever requests (counted in the sandbox's request log), and what an operator sees in Temporal (the
// opportunity process with its children, all findable by LeverOpportunityId, and a query that says what
// each integration did).
import { randomUUID } from 'node:crypto';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { WILLO_TAGS } from '../../src/integrations/willo/tags';
import { opportunityStateQuery } from '../../src/opportunity/messages';
import type { LoggedRequest } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { integrationProcessId, workflowIds } from '../../src/temporal/workflow-ids';
import { decisionOf } from '../harness/opportunity';
import { useTestRelay, waitFor } from '../harness/relay';

const t = useTestRelay();
const email = () => `budget-${randomUUID()}@example.com`;

/** Every Lever request from `since` until `settled()` holds, once the log has been quiet for a moment. */
async function leverRequestsDuring(since: number, settled: () => Promise<unknown>, control = t.control): Promise<LoggedRequest[]> {
  await waitFor(async () => Boolean(await settled()), { what: 'the event to be handled' });
  await new Promise((r) => setTimeout(r, 750));
  // Lists (`GET /opportunities`, no id) are left out: no event here lists, and one stray list request of
  // unknown origin was seen once in CI among these (noted in the issue); every read and write is counted.
  return (await control.leverRequests()).filter((r) => r.at >= since && !(r.method === 'GET' && r.path === '/opportunities'));
}

const describeLog = (log: LoggedRequest[]) => log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);

describe('Lever requests per event, all integrations on', () => {
  it('applicationCreated: one read; a stage change nobody uses: one read; into the Willo trigger stage: one read and the tag write', async () => {
    // Warm the worker's cache of stage names and posting tags, as any running worker has it.
    const warm = await t.control.apply({ name: 'Warm Up', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await t.control.moveStage(warm.opportunityId, 'phone-screen');
    await waitFor(
      async () => {
        const o = await t.control.opportunity(warm.opportunityId);
        // Phone Screen is also a Refty step's stage, and this posting is in no Refty rule: noted once.
        return o.tags.includes(WILLO_TAGS.invited) && o.notes.length > 0;
      },
      { what: 'the warm-up invite and stop note' },
    );

    const applied = Date.now();
    const { opportunityId } = await t.control.apply({ name: 'Budget Bea', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const onApply = await leverRequestsDuring(applied, () =>
      decisionOf(t.relay.client, opportunityId, 'hrlogics', { since: applied, reason: /started/ }),
    );
    expect(describeLog(onApply)).toEqual(['GET /opportunities/:id']);

    const unused = Date.now();
    await t.control.moveStage(opportunityId, 'offer');
    const onUnused = await leverRequestsDuring(unused, () =>
      decisionOf(t.relay.client, opportunityId, 'willo', { since: unused, reason: /not a Willo trigger stage/ }),
    );
    expect(describeLog(onUnused)).toEqual(['GET /opportunities/:id']);

    // On-site is Refty's reference-check stage, and this posting is in no Refty rule: a stop, noted once.
    const stop = Date.now();
    await t.control.moveStage(opportunityId, 'onsite');
    const onStop = await leverRequestsDuring(stop, async () => (await t.control.opportunity(opportunityId)).notes.length > 0);
    expect(describeLog(onStop)).toEqual(['GET /opportunities/:id', 'GET /opportunities/:id/notes', 'POST /opportunities/:id/notes']);

    // Phone Screen is Refty's too: the stop was noted, and the ended process remembers it.
    const trigger = Date.now();
    await t.control.moveStage(opportunityId, 'phone-screen');
    const onTrigger = await leverRequestsDuring(trigger, async () =>
      (await t.control.opportunity(opportunityId)).tags.includes(WILLO_TAGS.invited),
    );
    expect(describeLog(onTrigger)).toEqual(['GET /opportunities/:id', 'POST /opportunities/:id/addTags']);

    const noEmailAt = Date.now();
    const noEmail = await t.control.apply({ name: 'Nell Noemail', postingId: SEED_POSTING_IDS.warehouseAssociate });
    const onNoEmail = await leverRequestsDuring(
      noEmailAt,
      async () => (await t.control.opportunity(noEmail.opportunityId)).notes.length > 0,
    );
    expect(describeLog(onNoEmail)).toEqual(['GET /opportunities/:id', 'GET /opportunities/:id/notes', 'POST /opportunities/:id/notes']);
    const redeliveredAt = Date.now();
    await t.control.redeliver(noEmail.deliveryIds[0], 1);
    const onRedelivery = await leverRequestsDuring(redeliveredAt, () =>
      decisionOf(t.relay.client, noEmail.opportunityId, 'hrlogics', { since: redeliveredAt, reason: /noted in Lever before/ }),
    );
    expect(describeLog(onRedelivery)).toEqual(['GET /opportunities/:id']);
    console.log(
      `Lever requests per event: applicationCreated ${onApply.length}, unused stage change ${onUnused.length}, Willo trigger stage change ${onTrigger.length}; ` +
        `with a stop noted: Refty step stage on an uncovered posting ${onStop.length}, application without email ${onNoEmail.length}, the same stop again ${onRedelivery.length}`,
    );
  });
});

describe('acting at once, and a hire read once', () => {
  const eventsOf = async (opportunityId: string) =>
    (await t.relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId)).fetchHistory()).events ?? [];

  it('a single webhook is acted on without waiting: no timer in the opportunity process, the read scheduled in its first task', async () => {
    const applied = Date.now();
    const { opportunityId } = await t.control.apply({ name: 'Prompt Pat', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await decisionOf(t.relay.client, opportunityId, 'hrlogics', { since: applied, reason: /started/ });
    const handle = t.relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId));
    await handle.result();
    const events = await eventsOf(opportunityId);
    expect(events.filter((e) => e.timerStartedEventAttributes)).toEqual([]);
    // The first workflow task's commands: the read, nothing before it.
    const firstCommand = events.findIndex((e) => e.workflowTaskCompletedEventAttributes) + 1;
    expect(events[firstCommand].activityTaskScheduledEventAttributes?.activityType?.name).toBe('leverReadOpportunity');
    expect(await handle.result()).toMatchObject({ triggers: 1, reads: 1 });
  });

  it("a hire's two webhooks 100 ms apart cost one Lever read", async () => {
    const { opportunityId } = await t.control.apply({ name: 'Hired Hana', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await waitFor(async () => (await hrlogicsControl(t.control).screenings(opportunityId))[0], { what: 'the screening' });
    await t.relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId)).result();
    // Hire with the webhooks held back, then deliver them ourselves: candidateHired, and 100 ms later the
    // candidateArchiveChange of the same hire (Lever sends both for the one action).
    await t.control.request('PUT', '/lever/webhooks/drop', { events: ['candidateHired', 'candidateArchiveChange'] });
    let deliveryIds: string[];
    try {
      ({ deliveryIds } = await t.control.hire(opportunityId));
    } finally {
      await t.control.request('DELETE', '/lever/webhooks/drop');
    }
    const deliveries = await t.control.deliveries({ opportunityId });
    const idOf = (event: string) => deliveries.find((d) => d.event === event && deliveryIds.includes(d.deliveryId))!.deliveryId;
    const since = Date.now();
    expect((await t.control.redeliver(idOf('candidateHired'), 1)).statuses).toEqual([202]);
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.control.redeliver(idOf('candidateArchiveChange'), 1)).statuses).toEqual([202]);

    const reads = await leverRequestsDuring(since, () =>
      decisionOf(t.relay.client, opportunityId, 'hrlogics', { since, reason: /handed to/ }),
    );
    expect(describeLog(reads).filter((r) => r === 'GET /opportunities/:id')).toEqual(['GET /opportunities/:id']);
    const state = await t.relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId)).result();
    expect(state).toMatchObject({ triggers: 2, reads: 1 });
  });
});

describe('Lever requests per event, stop notes switched off', () => {
  const off = useTestRelay({ env: { HRLOGICS_STOP_NOTES: 'false', WILLO_STOP_NOTES: 'false', REFTY_STOP_NOTES: 'false' } });

  it('a stop costs only the read, and nothing is written', async () => {
    const applied = Date.now();
    const { opportunityId } = await off.control.apply({ name: 'Quiet Quinn', postingId: SEED_POSTING_IDS.backendEngineer });
    const onApply = await leverRequestsDuring(
      applied,
      () => decisionOf(off.relay.client, opportunityId, 'hrlogics', { since: applied, reason: /^no email: no survey until one is added$/ }),
      off.control,
    );
    const moved = Date.now();
    await off.control.moveStage(opportunityId, 'phone-screen');
    const onMove = await leverRequestsDuring(
      moved,
      () => decisionOf(off.relay.client, opportunityId, 'refty', { since: moved, reason: /^the posting is not covered by a Refty rule$/ }),
      off.control,
    );
    // The reads (and, in this fresh worker, filling its cache of stage names and posting tags): no note.
    for (const log of [onApply, onMove]) expect(describeLog(log).filter((r) => r.includes('/notes') || r.startsWith('POST'))).toEqual([]);
    expect(describeLog(onApply).filter((r) => r.startsWith('GET /opportunities'))).toEqual(['GET /opportunities/:id']);
    expect((await off.control.opportunity(opportunityId)).notes).toEqual([]);
  });
});

describe('what an operator sees in Temporal', () => {
  it('the opportunity process with its children, all carrying LeverOpportunityId, and a query per integration', async () => {
    const { opportunityId } = await t.control.apply({ name: 'Visible Vic', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await waitFor(async () => (await hrlogicsControl(t.control).screenings(opportunityId))[0], { what: 'the screening' });
    await t.control.moveStage(opportunityId, 'phone-screen');
    await waitFor(async () => (await willoControl(t.control).participants(opportunityId))[0], { what: 'the invite' });

    const state = await t.relay.client.workflow
      .getHandle(workflowIds.opportunity(opportunityId))
      .query(opportunityStateQuery)
      .catch(async () => t.relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId)).result());
    expect(state.integrations.willo).toMatchObject({ decision: 'start', reason: expect.stringMatching(/entered a Willo trigger stage/) });
    expect(state.integrations.hrlogics).toMatchObject({ decision: 'nothing', reason: 'the screening is under way' });
    // Phone Screen is a Refty step's stage, on a posting no Refty rule covers: noted in Lever, once.
    expect(state.integrations.refty).toMatchObject({ decision: 'start', reason: expect.stringMatching(/not covered by a Refty rule/) });
    expect(state.integrations['tech-interview']).toMatchObject({ decision: 'nothing' });

    for (const name of ['hrlogics', 'willo', 'refty']) {
      const child = await t.relay.client.workflow.getHandle(integrationProcessId(name, opportunityId)).describe();
      // Started by a run of the opportunity process: the UI links them both ways.
      expect(child.parentExecution?.workflowId).toBe(workflowIds.opportunity(opportunityId));
      expect(child.searchAttributes.LeverOpportunityId).toEqual([opportunityId]);
      expect(child.searchAttributes.RelayIntegration).toEqual([name]);
    }
    // Visibility is eventually consistent: wait until the list has caught up.
    const expected = [
      workflowIds.opportunity(opportunityId),
      integrationProcessId('hrlogics', opportunityId),
      integrationProcessId('willo', opportunityId),
      integrationProcessId('refty', opportunityId),
    ].sort();
    await waitFor(
      async () => {
        const ids = new Set<string>();
        for await (const run of t.relay.client.workflow.list({ query: `LeverOpportunityId = "${opportunityId}"` })) ids.add(run.workflowId);
        return JSON.stringify([...ids].sort()) === JSON.stringify(expected);
      },
      { what: `the runs of ${opportunityId} in the list` },
    );
  });
});
