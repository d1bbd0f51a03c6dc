// `npm run doctor` against the sandbox's live account: a wrong stage name, a deactivated perform-as user
// and a missing webhook are three failures, each with its fix, and a non-zero exit; a correct
// configuration passes every check and exits 0.
import { SANDBOX_LEVER_API_KEY } from '../../src/config/sandbox-defaults';
import { LeverClient } from '../../src/lever/client';
import { SEED_USERS } from '../../src/sandbox/lever/seed';
import type { SimWebhook } from '../../src/sandbox/lever/webhook-registry';
import { runsOf, useTestRelay } from '../harness/relay';
import { waitFor } from '../harness/http';
import { runRelayCli, startWorkerProcess, stopWorkerProcess } from '../harness/worker-process';

const t = useTestRelay({ worker: false });

const doctor = (extra: Record<string, string> = {}) => runRelayCli(t.relay, 'doctor.ts', [], extra);

it('passes a correct configuration', async () => {
  const { code, output } = await doctor();
  expect(output).toMatch(/All \d+ checks pass\./);
  expect(output).not.toMatch(/FAIL/);
  expect(code).toBe(0);
}, 60_000);

it('names a wrong stage, a deactivated user and a missing webhook, each with its fix, and exits non-zero', async () => {
  await t.control.request('POST', `/lever/users/${SEED_USERS.harry.id}/active`, { active: false });
  const [deleted] = (await t.control.request<SimWebhook[]>('GET', '/lever/webhooks')).filter((w) => w.event === 'candidateDeleted');
  await new LeverClient({ baseUrl: t.relay.config.lever.baseUrl, apiKey: SANDBOX_LEVER_API_KEY }).deleteWebhook(deleted.id);
  try {
    const { code, output } = await doctor({ WILLO_TRIGGER_STAGES: 'Phone Scren', TECH_INTERVIEW_PERFORM_AS_EMAIL: SEED_USERS.harry.email });
    const failures = output.split('\n').filter((line) => line.startsWith('FAIL'));
    expect(failures).toHaveLength(3);
    expect(output).toMatch(
      /FAIL {2}WILLO_TRIGGER_STAGES: stage "Phone Scren" +no Lever stage has this id or name\n +fix: set WILLO_TRIGGER_STAGES to one of: .*"Phone Screen"/,
    );
    expect(output).toMatch(
      /FAIL {2}TECH_INTERVIEW_PERFORM_AS_EMAIL: Lever user harry@example.com +the user is deactivated\n +fix: reactivate the user/,
    );
    expect(output).toMatch(/FAIL {2}Lever: webhook candidateDeleted +not registered at .*\n +fix: run `npm run setup -- webhooks/);
    expect(output).toMatch(/3 of \d+ checks fail\./);
    expect(code).toBe(1);
  } finally {
    await t.control.request('POST', `/lever/users/${SEED_USERS.harry.id}/active`, { active: true });
  }
}, 60_000);

it('a worker runs the same checks at start, logs what fails, and reads Lever for them only through the rate-limited Lever queue', async () => {
  const started = Date.now();
  const worker = startWorkerProcess(t.relay, { WILLO_TRIGGER_STAGES: 'Phone Scren' });
  try {
    await worker.ready;
    const warning = await waitFor(
      async () =>
        worker
          .output()
          .split('\n')
          .find((line) => line.includes('configuration check failed') && line.includes('Phone Scren')),
      { what: 'the failed check in the worker log', timeoutMs: 30_000 },
    );
    expect(JSON.parse(warning)).toMatchObject({
      check: 'WILLO_TRIGGER_STAGES: stage "Phone Scren"',
      problem: 'no Lever stage has this id or name',
    });
    // The worker keeps running: a failed check is logged, not fatal.
    expect(worker.child.exitCode).toBeNull();

    // Every Lever request the checks made is the one activity of a `leverRead` run on this relay's queue. The
    // API's own reads of our webhooks (its first one waited for a worker: this relay has none until now) each
    // follow a completed `leverTurn` run instead.
    // Visibility is eventually consistent: wait until every request is matched by a completed run (a request
    // made outside the queue never is, and the wait fails).
    const { reads, turns, leverRequests } = await waitFor(
      async () => {
        const runs = await runsOf(t.relay, 'leverRead');
        const taken = (await runsOf(t.relay, 'leverTurn')).filter((r) => r.status.name === 'COMPLETED');
        const requests = (await t.control.leverRequests()).filter((r) => r.at >= started);
        const settled =
          runs.length > 0 && runs.every((r) => r.status.name === 'COMPLETED') && runs.length + taken.length === requests.length;
        return settled && { reads: runs, turns: taken, leverRequests: requests };
      },
      {
        what: 'one completed leverRead or leverTurn run per Lever request',
        timeoutMs: 30_000,
        explain: async () => {
          const runs = [...(await runsOf(t.relay, 'leverRead')), ...(await runsOf(t.relay, 'leverTurn'))];
          const requests = (await t.control.leverRequests()).filter((r) => r.at >= started);
          return [
            ...runs.map((r) => `run ${r.type} ${r.status.name} started +${r.startTime.getTime() - started} ms`),
            ...requests.map((r) => `request ${r.method} ${r.path} ${r.status} at +${r.at - started} ms`),
          ].join('\n');
        },
      },
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(leverRequests.filter((r) => r.path.endsWith('/webhooks')).length).toBeGreaterThanOrEqual(turns.length);
  } finally {
    await stopWorkerProcess(worker);
  }
}, 90_000);

it('a worker that cannot start exits with code 1, so a process manager starts it again, instead of lingering idle', async () => {
  // Worker.create fails after the connection is up, as it did for a worker started while the server was down.
  const worker = startWorkerProcess(t.relay, { TEMPORAL_NAMESPACE: 'no-such-namespace' });
  worker.ready.catch(() => undefined);
  try {
    const code = await Promise.race([worker.exited, new Promise((r) => setTimeout(() => r('still running after 30 s'), 30_000))]);
    expect(code).toBe(1);
    expect(worker.output()).toMatch(/no-such-namespace/);
  } finally {
    await stopWorkerProcess(worker);
  }
}, 60_000);
