// A worker killed with SIGKILL in the middle of a burst: a new worker picks the work up, and nothing is
// lost or done twice. Each candidate's webhook is delivered five times at once, and each enters Willo's
// trigger stage; afterwards every candidate has one screening, one WOTC tag write, one Willo invite.
// The worker runs as `node --import tsx src/worker.ts`: one process, so SIGKILL reaches the worker itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { WILLO_TAGS } from '../../src/integrations/willo/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { testTemporalAddress } from '../harness/temporal';

let relay: TestRelay;
let control: SandboxControl;

beforeAll(async () => {
  relay = await startTestRelay({ worker: false });
  control = new SandboxControl(relay.sandbox.baseUrl);
});
afterAll(() => relay.stop());

/** A real worker process, configured like production but pointed at the sandbox. */
function startWorkerProcess(): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      RELAY_TASK_QUEUE: relay.config.temporal.taskQueue,
      SANDBOX_ENABLED: 'true',
      LEVER_API_BASE_URL: relay.config.lever.baseUrl,
      HRLOGICS_BASE_URL: relay.config.hrlogics.baseUrl,
      WILLO_BASE_URL: relay.config.willo.baseUrl,
      REFTY_BASE_URL: relay.config.refty.baseUrl,
      WINTRO_BASE_URL: relay.config.wintro.baseUrl,
      TECH_INTERVIEW_BASE_URL: relay.config.techInterview.baseUrl,
      OPPORTUNITY_COALESCE_WINDOW: '250ms',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`worker not running after 60s:\n${output}`)), 60_000).unref();
  });
  return { child, ready, exited };
}

it('a worker killed with SIGKILL mid-flow loses nothing and repeats nothing, through duplicate deliveries', async () => {
  const hrlogics = hrlogicsControl(control);
  const willo = willoControl(control);
  const first = startWorkerProcess();
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

  const second = startWorkerProcess();
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
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}, 150_000);
