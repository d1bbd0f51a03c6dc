// A backfill over 500 opportunities already in Lever (five list pages), for HRLogics switched on after
// they applied: the dry run (through the CLI) counts what the real run (through the admin API) then does;
// the worker process is killed with SIGKILL in the middle and nothing is lost or done twice; Lever never
// sees more than the configured rate, and no 429.
import { temporal } from '@temporalio/proto';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import type { BulkProgress } from '../../src/opportunity/messages';
import { SandboxControl } from '../../src/sandbox/control-client';
import { http, waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { runRelayCli, startWorkerProcess, stopWorkerProcess, type WorkerProcess } from '../harness/worker-process';

let relay: TestRelay;
let control: SandboxControl;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  relay = await startTestRelay({ worker: false });
  control = new SandboxControl(relay.sandbox.baseUrl);
});
afterAll(async () => {
  if (worker) await stopWorkerProcess(worker);
  await relay.stop();
});

/** `npm run backfill -- <args>` as an operator runs it, against this relay. */
const backfillCli = (args: string[]) => runRelayCli(relay, 'backfill.ts', args);

/** The most Lever requests that fall in any window of `windowMs`. */
function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

it('backfills 500 candidates: the dry run counts what the real run does; a worker killed mid-run loses and repeats nothing', async () => {
  const hrlogics = hrlogicsControl(control);
  const { opportunities } = await control.bulkPostings({ count: 5, applicantsPerPosting: 100 });
  expect(opportunities).toBe(500);
  worker = startWorkerProcess(relay);
  await worker.ready;

  const dry = await backfillCli(['hrlogics', '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.output).toMatch(/hrlogics: what would happen to the 500 open candidates listed/);
  const wouldStart = Number(/(\d+)\s+start: a new application with an email/.exec(dry.output)?.[1]);
  expect(wouldStart).toBe(500);
  // A dry run changes nothing.
  expect((await control.partnerRequests('hrlogics')).filter((r) => r.method === 'POST')).toEqual([]);

  const started = Date.now();
  const answer = await http<{ status: string; workflowId: string }>(
    'POST',
    `${relay.apiUrl}/admin/backfill`,
    { integration: 'hrlogics' },
    { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` },
  );
  expect(answer).toMatchObject({ status: 202, body: { status: 'started' } });

  // Kill the worker process in the middle of a page: once candidates are screened, while a page's activity
  // (list, then hand over) has started and not finished.
  // Early in the run (a loaded machine screens slowly and the last pages may be handed over before the 50th).
  await waitFor(async () => (await hrlogics.allScreenings()).length >= 10, { what: 'the first screenings', timeoutMs: 60_000 });
  const backfill = relay.client.workflow.getHandle(answer.body.workflowId);
  await waitFor(
    async () =>
      (await backfill.describe()).raw.pendingActivities?.some(
        (a) => a.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
      ),
    { what: 'a page in progress', timeoutMs: 30_000, intervalMs: 20 },
  );
  worker.child.kill('SIGKILL');
  expect(await worker.exited).toBeNull();
  worker = startWorkerProcess(relay);
  await worker.ready;

  // A page whose worker died is tried again after its heartbeat timeout (30 s), not after the page's 5 minutes.
  await waitFor(async () => (await backfill.describe()).status.name !== 'RUNNING', { what: 'the backfill to finish', timeoutMs: 120_000 });
  const result = (await backfill.result()) as BulkProgress;
  expect(result).toMatchObject({ done: true, listed: 500, triggered: 500, pages: 5 });
  const screenings = await waitFor(
    async () => {
      const list = await hrlogics.allScreenings();
      return list.length >= wouldStart && list;
    },
    { what: 'a screening per candidate', timeoutMs: 120_000 },
  );
  await new Promise((r) => setTimeout(r, 2000));
  const after = await hrlogics.allScreenings();
  expect(after).toHaveLength(wouldStart);
  expect(new Set(screenings.map((s) => s.externalId)).size).toBe(wouldStart);

  const log = (await control.leverRequests()).filter((r) => r.at >= started);
  const rate = relay.config.lever.ratePerSecond;
  expect(log.filter((r) => r.status === 429)).toEqual([]);
  // The task queue's limiter is a token bucket whose burst equals its rate.
  expect(
    peakInWindow(
      log.map((r) => r.at),
      1000,
    ),
  ).toBeLessThanOrEqual(rate * 2);
  console.log(`backfill: 500 candidates, ${log.length} Lever requests, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 240_000);
