// A worker killed with SIGKILL in the middle of a burst: a new worker picks the work up, and nothing is
// lost or done twice (one screening and one tag write per candidate).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
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

/** A real worker process (`npm run worker`), configured like production but pointed at the sandbox. */
function startWorkerProcess(): { child: ChildProcess; ready: Promise<void> } {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      RELAY_TASK_QUEUE: relay.config.temporal.taskQueue,
      SANDBOX_ENABLED: 'true',
      LEVER_API_BASE_URL: relay.config.lever.baseUrl,
      HRLOGICS_BASE_URL: relay.config.hrlogics.baseUrl,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`worker not running after 60s:\n${output}`)), 60_000).unref();
  });
  return { child, ready };
}

it('a worker killed with SIGKILL mid-flow loses nothing and repeats nothing', async () => {
  const first = startWorkerProcess();
  await first.ready;
  const applied = await Promise.all(Array.from({ length: 6 }, (_, i) => control.apply({ name: `Crash ${i}`, email: `crash-${randomUUID()}@example.com` })));
  // Kill as soon as the first screening exists: the others are in flight or not started.
  await waitFor(async () => (await Promise.all(applied.map((a) => hrlogicsControl(control).screenings(a.opportunityId)))).some((s) => s.length > 0), { what: 'a first screening' });
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));

  const second = startWorkerProcess();
  try {
    await second.ready;
    const screenings = await Promise.all(applied.map((a) => waitFor(async () => (await hrlogicsControl(control).screenings(a.opportunityId))[0], { what: 'every screening', timeoutMs: 60_000 })));
    await Promise.all(screenings.map((s) => hrlogicsControl(control).completeSurvey(s.screeningId, 'pre_qualified')));
    for (const { opportunityId } of applied) {
      await waitFor(async () => (await control.opportunity(opportunityId)).tags.includes(WOTC_TAGS.preQualified), { what: 'the tag', timeoutMs: 60_000 });
    }
    const log = await control.leverRequests();
    for (const { opportunityId } of applied) {
      expect(await hrlogicsControl(control).screenings(opportunityId)).toHaveLength(1);
      expect(log.filter((r) => r.path === `/opportunities/${opportunityId}/addTags` && r.status < 300)).toHaveLength(1);
    }
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }
}, 120_000);
