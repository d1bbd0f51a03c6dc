// A worker killed with SIGKILL in the middle of a burst: a new worker picks the work up, and nothing is
// lost or done twice. Each candidate's webhook is delivered five times at once, and each enters Willo's
// trigger stage; afterwards every candidate has one screening, one WOTC tag write, one Willo invite.
// The worker runs as `node --import tsx src/worker.ts`: one process, so SIGKILL reaches the worker itself.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { WILLO_TAGS } from '../../src/integrations/willo/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { startWorkerProcess, stopWorkerProcess } from '../harness/worker-process';

let relay: TestRelay;
let control: SandboxControl;

beforeAll(async () => {
  relay = await startTestRelay({ worker: false });
  control = new SandboxControl(relay.sandbox.baseUrl);
});
afterAll(() => relay.stop());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

it('a worker killed with SIGKILL mid-flow loses nothing and repeats nothing, through duplicate deliveries', async () => {
  const hrlogics = hrlogicsControl(control);
  const willo = willoControl(control);
  const first = startWorkerProcess(relay);
  await first.ready;
  const applied = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      control.apply({ name: `Crash ${i}`, email: `crash-${randomUUID()}@example.com`, postingId: SEED_POSTING_IDS.backendEngineer }),
    ),
  );
  // Every webhook delivered five more times at once, and every candidate moved into Willo's trigger stage.
  await Promise.all(
    applied.map(async ({ deliveryIds, opportunityId }) => {
      await control.redeliver(deliveryIds[0], 5);
      await control.moveStage(opportunityId, 'phone-screen');
    }),
  );
  // Kill as soon as the first screening exists: the others are in flight or not started.
  await waitFor(async () => (await Promise.all(applied.map((a) => hrlogics.screenings(a.opportunityId)))).some((s) => s.length > 0), {
    what: 'a first screening',
  });
  // The worker process itself: SIGKILL leaves it no chance to finish or drain anything.
  expect(first.child.kill('SIGKILL')).toBe(true);
  expect(await first.exited).toBeNull();

  const metricsPort = await freePort();
  const second = startWorkerProcess(relay, { WORKER_METRICS_PORT: String(metricsPort) });
  try {
    await second.ready;
    const screenings = await Promise.all(
      applied.map((a) =>
        waitFor(async () => (await hrlogics.screenings(a.opportunityId))[0], { what: 'every screening', timeoutMs: 60_000 }),
      ),
    );
    await Promise.all(
      applied.map((a) => waitFor(async () => (await willo.participants(a.opportunityId))[0], { what: 'every invite', timeoutMs: 60_000 })),
    );
    await Promise.all(screenings.map((s) => hrlogics.completeSurvey(s.screeningId, 'pre_qualified')));
    for (const { opportunityId } of applied) {
      await waitFor(
        async () => {
          const { tags } = await control.opportunity(opportunityId);
          return tags.includes(WOTC_TAGS.preQualified) && tags.includes(WILLO_TAGS.invited);
        },
        { what: 'both tags', timeoutMs: 60_000 },
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
    const log = await control.leverRequests();
    for (const { opportunityId } of applied) {
      expect(await hrlogics.screenings(opportunityId)).toHaveLength(1);
      expect(await willo.participants(opportunityId)).toHaveLength(1);
      const tagWrites = log.filter((r) => r.path === `/opportunities/${opportunityId}/addTags` && r.status < 300);
      // One for Willo:Invited, one for the WOTC result; a write retried after the kill may repeat, but
      // adding a tag that is there changes nothing, and the result is exactly one tag of each family.
      expect(tagWrites.length).toBeGreaterThanOrEqual(2);
      const { tags } = await control.opportunity(opportunityId);
      expect(tags.filter((t) => t.startsWith('HRLogics-WOTC:'))).toEqual([WOTC_TAGS.preQualified]);
      expect(tags.filter((t) => (Object.values(WILLO_TAGS) as string[]).includes(t))).toEqual([WILLO_TAGS.invited]);
    }
    // The worker's Prometheus endpoint: Temporal's worker metrics and our Lever and partner counters.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_activity_execution_latency/m);
    expect(metrics).toMatch(/^relay_lever_requests\{.*endpoint="POST \/opportunities\/:id\/addTags".*status="200".*\} [1-9]/m);
    expect(metrics).toMatch(/^relay_partner_requests\{.*partner="HRLogics".*\} [1-9]/m);
  } finally {
    await stopWorkerProcess(second);
  }
}, 150_000);
