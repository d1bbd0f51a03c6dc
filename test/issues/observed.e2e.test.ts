// Issues only the relay's processes can see, end to end over HTTP with real faults in the sandbox: Lever
// answering 429 (lever-rate-limited), Lever or a partner failing for longer than ISSUES_FAILING_AFTER while
// activities retry (service-failing), and a partner signing its callbacks with another secret
// (callback-signatures, naming the partner). Each opens within two evaluation periods of showing (a
// failure shows once it has lasted ISSUES_FAILING_AFTER) and resolves once the fault is gone and its
// observations have left the window. The test shortens the 15 minutes to seconds.
import { randomBytes, randomUUID } from 'node:crypto';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { SandboxControl } from '../../src/sandbox/control-client';
import { waitFor } from '../harness/http';
import { issuesOf } from '../harness/issues';
import { startTestRelay, type TestRelay } from '../harness/relay';

const PERIOD_MS = 2_000;
const RESOLVE_AFTER_MS = 4_000;
/** Longer than the retry back-off of the first attempts (1, 2, 4, 8, 16 s), so a retrying activity keeps a failure seen. */
const WINDOW_MS = 30_000;
const FAILING_AFTER_MS = 5_000;

let relay: TestRelay;
let control: SandboxControl;

beforeAll(async () => {
  relay = await startTestRelay({
    env: {
      ISSUES_EVALUATION_INTERVAL: `${PERIOD_MS}ms`,
      ISSUES_RESOLVE_AFTER: `${RESOLVE_AFTER_MS}ms`,
      ISSUES_OBSERVATION_WINDOW: `${WINDOW_MS}ms`,
      ISSUES_FAILING_AFTER: `${FAILING_AFTER_MS}ms`,
    },
  });
  control = new SandboxControl(relay.sandbox.baseUrl);
}, 180_000);

afterAll(async () => {
  await control?.clearFaults('lever').catch(() => undefined);
  await control?.clearFaults('hrlogics').catch(() => undefined);
  await relay?.stop();
});

const { issues, opens, resolves, metric, completedEvaluations } = issuesOf(() => relay, {
  periodMs: PERIOD_MS,
  resolveAfterMs: RESOLVE_AFTER_MS + WINDOW_MS,
});
const unresolved = async () => (await issues()).filter((i) => i.state !== 'resolved').map((i) => i.id);

it('opens nothing on a healthy relay', async () => {
  const before = await completedEvaluations();
  await waitFor(async () => (await completedEvaluations()) >= before + 3, { what: '3 evaluations', timeoutMs: 120_000, intervalMs: 500 });
  expect(await issues()).toEqual([]);
}, 180_000);

it('Lever answering 429 opens lever-rate-limited at once and, past ISSUES_FAILING_AFTER, service-failing for Lever; both resolve once it answers', async () => {
  const faultAt = Date.now();
  // Every request answered 429 (the evaluations' own checks read Lever every period), until cleared.
  await control.faults('lever', { force429: 1_000_000 });
  try {
    const limited = await opens('lever-rate-limited', faultAt);
    expect(limited).toMatchObject({ kind: 'lever-rate-limited', subject: { type: 'lever-key', id: 'LEVER_API_KEY' } });
    expect(limited.title).toMatch(/^Lever answered 429 \(rate limited\) \d+ times? in the last 30 s/);
    expect(limited.fix).toMatch(/LEVER_RATE_LIMIT_PER_SECOND/);
    expect(await metric('lever-rate-limited')).toBe(1);

    const failing = await opens('service-failing:lever', faultAt, FAILING_AFTER_MS + 2 * PERIOD_MS + 30_000);
    expect(Date.parse(failing.firstSeen) - faultAt).toBeGreaterThanOrEqual(FAILING_AFTER_MS);
    expect(failing).toMatchObject({ kind: 'service-failing', subject: { type: 'service', id: 'lever', name: 'Lever' } });
    expect(failing.title).toMatch(/^Lever has failed for \d+ s \(last: 429\)/);
    // A 429 is neither a refused key nor a missing webhook.
    expect((await unresolved()).sort()).toEqual(['lever-rate-limited', 'service-failing:lever']);
  } finally {
    await control.clearFaults('lever');
  }
  // Lever answers the next evaluation: the failure ends at once; the 429s count until they leave the window.
  await resolves('service-failing:lever', RESOLVE_AFTER_MS + 2 * PERIOD_MS + 30_000);
  await resolves('lever-rate-limited');
  expect(await metric('lever-rate-limited')).toBe(0);
}, 300_000);

it('a partner failing (503) while its activity retries opens service-failing for that partner past ISSUES_FAILING_AFTER, and resolves once it answers', async () => {
  await control.faults('hrlogics', { force5xx: 1_000_000 });
  const faultAt = Date.now();
  try {
    // An applicant with an email: the relay asks HRLogics for a screening, which fails and retries.
    await control.apply({ name: 'Failing Partner', email: `failing-${randomUUID()}@example.com` });
    const opened = await opens('service-failing:hrlogics', faultAt, FAILING_AFTER_MS + 2 * PERIOD_MS + 60_000);
    expect(opened).toMatchObject({
      kind: 'service-failing',
      integration: 'hrlogics',
      subject: { type: 'partner', id: 'hrlogics', name: 'HRLogics' },
    });
    expect(opened.title).toMatch(/^HRLogics has failed for \d+ s \(last: 503\): its calls are retrying/);
    expect(opened.fix).toMatch(/HRLOGICS_BASE_URL/);
  } finally {
    await control.clearFaults('hrlogics');
  }
  // The activity's next attempt (its back-off reaches 16-32 s by now) gets its screening; then it resolves.
  await waitFor(async () => (await hrlogicsControl(control).allScreenings()).length > 0, {
    what: 'the screening after the retries',
    timeoutMs: 90_000,
    intervalMs: 500,
  });
  await resolves('service-failing:hrlogics', RESOLVE_AFTER_MS + 2 * PERIOD_MS + 30_000);
}, 300_000);

it('a partner signing its callbacks with another secret opens callback-signatures naming the partner, and resolves once they stop', async () => {
  const hrlogics = hrlogicsControl(control);
  // A screening whose survey an applicant can submit (the previous test's, or a new applicant's).
  if ((await hrlogics.allScreenings()).length === 0)
    await control.apply({ name: 'Signed Callback', email: `signed-${randomUUID()}@example.com` });
  const screening = await waitFor(async () => (await hrlogics.allScreenings())[0], {
    what: 'a screening',
    timeoutMs: 60_000,
    intervalMs: 500,
  });
  await control.signCallbacksWith('hrlogics', `whsec_${randomBytes(24).toString('base64')}`);
  const faultAt = Date.now();
  try {
    // The applicant submits: HRLogics sends the result signed with its new secret; refused (401), then sent 3 more times.
    const sent = await hrlogics.completeSurvey(screening.screeningId, 'pre_qualified');
    expect(sent.status).toBe(401);
    const again = await hrlogics.redeliverCallback(sent.callbackId, 3);
    expect(again.statuses).toEqual([401, 401, 401]);
    const opened = await opens('callback-signatures:hrlogics', faultAt);
    expect(opened).toMatchObject({
      kind: 'callback-signatures',
      integration: 'hrlogics',
      subject: { type: 'partner', id: 'hrlogics', name: 'HRLogics' },
    });
    expect(opened.title).toMatch(/^4 HRLogics callbacks refused for a bad signature/);
    expect(opened.fix).toMatch(/HRLOGICS_CALLBACK_SECRET/);
  } finally {
    await control.signCallbacksWith('hrlogics', undefined);
  }
  await resolves('callback-signatures:hrlogics');
}, 180_000);
