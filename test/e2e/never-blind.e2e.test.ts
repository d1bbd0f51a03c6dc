// Never blind, through HTTP only: with every Lever webhook dropped (Lever gave up on them), the sweep
// finds what changed and each fact is acted on exactly once, however many sweeps look again; an email
// added later (Lever sends no webhook for that) gets the survey; a manual sync acts on the current state
// once, however often it is asked.
import { randomUUID } from 'node:crypto';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { reftyControl } from '../../src/integrations/refty/sandbox/control-client';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { sweepScheduleId } from '../../src/opportunity/sweep-schedule';
import type { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { http, useTestRelay, waitFor } from '../harness/relay';
import { decisionOf } from '../harness/opportunity';

const email = () => `blind-${randomUUID()}@example.com`;
const SWEEP_MS = 5_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dropAllWebhooks(control: SandboxControl) {
  return control.request('PUT', '/lever/webhooks/drop', {});
}

describe('the sweep, every webhook dropped', () => {
  const t = useTestRelay({ env: { LEVER_SWEEP_INTERVAL: '5s', LEVER_SWEEP_OVERLAP: '30s' } });
  beforeAll(() => dropAllWebhooks(t.control));

  const sweeps = async () =>
    (await t.relay.client.schedule.getHandle(sweepScheduleId(t.relay.config.temporal.taskQueue)).describe()).info.numActionsTaken;

  it('acts on an application, a move into Willo trigger stage and into a Refty step stage exactly once within a sweep interval; three more sweeps add nothing', async () => {
    const hrlogics = hrlogicsControl(t.control);
    const willo = willoControl(t.control);
    const refty = reftyControl(t.control);
    const video = await t.control.apply({ name: 'Blind Video', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const refs = await t.control.apply({ name: 'Blind Refs', email: email(), postingId: SEED_POSTING_IDS.supportLead });
    const moved = Date.now();
    await t.control.moveStage(video.opportunityId, 'phone-screen');
    await t.control.moveStage(refs.opportunityId, 'phone-screen');
    const deliveries = await t.control.deliveries({ opportunityId: video.opportunityId });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => (d as { dropped?: boolean }).dropped && d.attempts.length === 0)).toBe(true);

    const within = { timeoutMs: 3 * SWEEP_MS };
    await waitFor(async () => (await willo.participants(video.opportunityId)).length > 0, { what: 'the invite', ...within });
    await waitFor(async () => (await refty.requests(refs.opportunityId)).length > 0, { what: 'the Refty request', ...within });
    await waitFor(async () => (await hrlogics.screenings(video.opportunityId)).length > 0, { what: 'the screening', ...within });
    // One sweep interval (plus the time one takes) after the moves, not several.
    expect(Date.now() - moved).toBeLessThan(2 * SWEEP_MS + 5_000);

    const before = await sweeps();
    await waitFor(async () => (await sweeps()) >= before + 3, { what: 'three more sweeps', timeoutMs: 6 * SWEEP_MS });
    await pause(1000);
    expect(await willo.participants(video.opportunityId)).toHaveLength(1);
    expect(await refty.requests(refs.opportunityId)).toHaveLength(1);
    expect(await refty.candidates(refs.opportunityId)).toHaveLength(1);
    expect(await hrlogics.screenings(video.opportunityId)).toHaveLength(1);
    expect(await hrlogics.screenings(refs.opportunityId)).toHaveLength(1);
  }, 90_000);

  it('an email added after the application (no webhook for that) gets the survey, once', async () => {
    const hrlogics = hrlogicsControl(t.control);
    const { opportunityId } = await t.control.apply({ name: 'Late Email' });
    await decisionOf(t.relay.client, opportunityId, 'hrlogics', { reason: /no email/ });
    await t.control.request('POST', `/lever/opportunities/${opportunityId}/emails`, { email: email() });
    await waitFor(async () => (await hrlogics.screenings(opportunityId)).length > 0, { what: 'the survey', timeoutMs: 3 * SWEEP_MS });
    const before = await sweeps();
    await waitFor(async () => (await sweeps()) >= before + 2, { what: 'two more sweeps', timeoutMs: 5 * SWEEP_MS });
    expect(await hrlogics.screenings(opportunityId)).toHaveLength(1);
  }, 60_000);
});

describe('manual sync of one opportunity, no sweep, every webhook dropped', () => {
  const t = useTestRelay();
  beforeAll(() => dropAllWebhooks(t.control));
  const sync = (id: string, token: string | null = SANDBOX_ADMIN_TOKEN) =>
    http<{ status: string; workflowId: string }>(
      'POST',
      `${t.relay.apiUrl}/admin/opportunities/${encodeURIComponent(id)}/sync`,
      undefined,
      token ? { authorization: `Bearer ${token}` } : {},
    );

  it('acts on the current state once, whatever its age; repeated syncs add nothing', async () => {
    const willo = willoControl(t.control);
    const hrlogics = hrlogicsControl(t.control);
    const { opportunityId } = await t.control.apply({ name: 'Synced Sam', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await t.control.moveStage(opportunityId, 'phone-screen');
    expect(await willo.participants(opportunityId)).toEqual([]);

    expect(await sync(opportunityId)).toMatchObject({
      status: 202,
      body: { status: 'triggered', workflowId: `opportunity/${opportunityId}` },
    });
    await waitFor(async () => (await willo.participants(opportunityId)).length > 0, { what: 'the invite' });
    await waitFor(async () => (await hrlogics.screenings(opportunityId)).length > 0, { what: 'the survey' });
    for (let i = 0; i < 3; i++) {
      const at = Date.now();
      expect((await sync(opportunityId)).status).toBe(202);
      await decisionOf(t.relay.client, opportunityId, 'willo', { since: at });
    }
    expect(await willo.participants(opportunityId)).toHaveLength(1);
    expect(await hrlogics.screenings(opportunityId)).toHaveLength(1);
  });

  it('needs the admin token and a sane id', async () => {
    expect((await sync('opp-1', null)).status).toBe(401);
    expect((await sync('opp-1', 'not-the-admin-token')).status).toBe(401);
    const bad = await sync('opp\u0001bad');
    expect(bad.status).toBe(400);
  });
});
