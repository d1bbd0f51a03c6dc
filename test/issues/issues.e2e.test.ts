// Issues end to end over HTTP, with real faults in the sandbox: each fault opens its issue within two
// evaluation periods, is shown at /admin/issues, in the console and in `relay_issues_open`, and resolves
// once the fault is gone; every open and resolve is notified once, signed, to a test receiver, except for a
// muted issue, which counts but notifies nobody. A healthy relay opens nothing. The issues workflow's memo
// stays a small summary however many issues it keeps.
import { temporal } from '@temporalio/proto';
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { SANDBOX_LEVER_API_KEY } from '../../src/config/sandbox-defaults';
import type { IssueNotification } from '../../src/issues/notification';
import type { IssueView } from '../../src/issues/view';
import { LeverClient } from '../../src/lever/client';
import { registerWebhooks } from '../../src/lever/webhook-registration';
import { techInterviewControl } from '../../src/integrations/tech-interview/sandbox/control-client';
import { sweepScheduleId } from '../../src/opportunity/sweep-schedule';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS, SEED_USERS } from '../../src/sandbox/lever/seed';
import { integrationProcessId, workflowIds } from '../../src/temporal/workflow-ids';
import type { SimWebhook } from '../../src/sandbox/lever/webhook-registry';
import { http, waitFor } from '../harness/http';
import { issuesOf } from '../harness/issues';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { startReceiver, type Receiver } from '../sandbox/receiver';

const PERIOD_MS = 2_000;
const RESOLVE_AFTER_MS = 4_000;
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

let relay: TestRelay;
let control: SandboxControl;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  relay = await startTestRelay({
    env: {
      ISSUES_EVALUATION_INTERVAL: `${PERIOD_MS}ms`,
      ISSUES_RESOLVE_AFTER: `${RESOLVE_AFTER_MS}ms`,
      ALERT_WEBHOOK_URL: `${receiver.url}/webhooks/alerts`,
      ALERT_WEBHOOK_SECRET: SECRET,
      TECH_INTERVIEW_PERFORM_AS_EMAIL: SEED_USERS.harry.email,
      // The sweep-paused test pauses the sweep's schedule.
      LEVER_SWEEP_INTERVAL: '15m',
    },
  });
  control = new SandboxControl(relay.sandbox.baseUrl);
}, 180_000);

afterAll(async () => {
  await relay?.stop();
  await receiver?.close();
});

const { admin, issues, issue, opens, resolves, metric, completedEvaluations } = issuesOf(() => relay, {
  periodMs: PERIOD_MS,
  resolveAfterMs: RESOLVE_AFTER_MS,
});

/** Every notification received so far, its signature verified (a bad one throws). */
function notifications(): IssueNotification[] {
  const webhook = new Webhook(SECRET);
  return receiver.on('/webhooks/alerts').map((r) => webhook.verify(r.body, r.headers as Record<string, string>) as IssueNotification);
}
const notified = (id: string, type: IssueNotification['type']) => notifications().filter((n) => n.issue.id === id && n.type === type);

it('opens nothing on a healthy relay', async () => {
  const before = await completedEvaluations();
  await waitFor(async () => (await completedEvaluations()) >= before + 3, { what: '3 evaluations', timeoutMs: 120_000, intervalMs: 500 });
  expect(await issues()).toEqual([]);
  expect(receiver.on('/webhooks/alerts')).toEqual([]);
  expect(await metric('lever-key-invalid')).toBe(0);
}, 180_000);

it('a revoked Lever key opens lever-key-invalid, notified and counted, and resolves once the key works again', async () => {
  const faultAt = Date.now();
  await control.faults('lever', { refuseKey: 401 });
  try {
    const opened = await opens('lever-key-invalid', faultAt);
    expect(opened).toMatchObject({ kind: 'lever-key-invalid', state: 'open', subject: { type: 'lever-key', id: 'LEVER_API_KEY' } });
    expect(opened.fix).toMatch(/LEVER_API_KEY/);
    expect(await metric('lever-key-invalid')).toBe(1);
    await waitFor(async () => notified('lever-key-invalid', 'issue.opened').length > 0, { what: 'the open notification' });
    expect(notified('lever-key-invalid', 'issue.opened')[0]).toMatchObject({ text: expect.stringMatching(/Opened: .*401/) });

    // The console counts it on every page and lists it with its fix.
    const page = await http<string>('GET', `${relay.apiUrl}/console/issues`, undefined, admin());
    expect(page.body).toContain('Lever does not accept the API key');
    expect(page.body).toMatch(/Issues <mark class="issue-count" aria-label="1 not resolved">1<\/mark>/);
  } finally {
    await control.clearFaults('lever');
  }
  await resolves('lever-key-invalid');
  expect(await metric('lever-key-invalid')).toBe(0);
  await waitFor(async () => notified('lever-key-invalid', 'issue.resolved').length > 0, { what: 'the resolve notification' });
  expect(notified('lever-key-invalid', 'issue.opened')).toHaveLength(1);
  expect(notified('lever-key-invalid', 'issue.resolved')).toHaveLength(1);
}, 180_000);

it('a Lever key that loses its confidential access opens lever-key-confidential with its fix, and resolves once it has it again', async () => {
  const faultAt = Date.now();
  await control.setLeverConfidentialAccess(false);
  try {
    const opened = await opens('lever-key-confidential', faultAt);
    expect(opened).toMatchObject({ kind: 'lever-key-confidential', state: 'open', subject: { type: 'lever-key', id: 'LEVER_API_KEY' } });
    expect(opened.title).toMatch(/no confidential access.*403/);
    expect(opened.fix).toMatch(/allow access to confidential data/);
    // The key itself still works: no other Lever key issue.
    expect((await issues()).filter((i) => i.kind.startsWith('lever-key') && i.state !== 'resolved').map((i) => i.id)).toEqual([
      'lever-key-confidential',
    ]);
  } finally {
    await control.setLeverConfidentialAccess(true);
  }
  await resolves('lever-key-confidential');
  await waitFor(async () => notified('lever-key-confidential', 'issue.resolved').length > 0, { what: 'the resolve notification' });
  expect(notified('lever-key-confidential', 'issue.opened')).toHaveLength(1);
}, 180_000);

it('a webhook deleted in Lever opens lever-webhook-missing naming the event; acknowledged by a person, audited; resolves when registered again', async () => {
  const lever = new LeverClient({ baseUrl: relay.config.lever.baseUrl, apiKey: SANDBOX_LEVER_API_KEY });
  const [deleted] = (await control.request<SimWebhook[]>('GET', '/lever/webhooks')).filter((w) => w.event === 'candidateHired');
  const faultAt = Date.now();
  await lever.deleteWebhook(deleted.id);
  const id = 'lever-webhook-missing:candidateHired';
  const opened = await opens(id, faultAt);
  expect(opened.subject).toEqual({ type: 'webhook', id: 'candidateHired', name: 'candidateHired' });

  const acknowledged = await http<{ issue: IssueView }>(
    'POST',
    `${relay.apiUrl}/admin/issues/${encodeURIComponent(id)}/acknowledge`,
    undefined,
    admin(),
  );
  expect(acknowledged.status).toBe(200);
  expect(acknowledged.body.issue).toMatchObject({ state: 'acknowledged', acknowledged: { by: 'admin-token' } });
  expect((await http('POST', `${relay.apiUrl}/admin/issues/${encodeURIComponent(id)}/acknowledge`)).status).toBe(401);
  expect((await http('POST', `${relay.apiUrl}/admin/issues/nope/acknowledge`, undefined, admin())).status).toBe(404);

  const audit = await http<{ actions: { action: string; actor: string; issueId: string }[] }>(
    'GET',
    `${relay.apiUrl}/admin/issues/audit`,
    undefined,
    admin(),
  );
  expect(audit.body.actions[0]).toMatchObject({ action: 'acknowledge', actor: 'admin-token', issueId: id });

  await registerWebhooks(lever, `${relay.apiUrl}/webhooks/lever`);
  await resolves(id);
  await waitFor(async () => notified(id, 'issue.resolved').length > 0, { what: 'the resolve notification' });
  expect(notified(id, 'issue.opened')).toHaveLength(1);
  expect(notified(id, 'issue.resolved')).toHaveLength(1);
}, 180_000);

it('a partner answering 401 opens partner-auth for its integration; muted, it still counts but its resolve notifies nobody', async () => {
  const faultAt = Date.now();
  await control.faults('hrlogics', { refuseKey: 401 });
  const id = 'partner-auth:hrlogics';
  try {
    const opened = await opens(id, faultAt);
    expect(opened).toMatchObject({ kind: 'partner-auth', integration: 'hrlogics', subject: { type: 'partner', id: 'hrlogics' } });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const muted = await http<{ issue: IssueView }>(
      'POST',
      `${relay.apiUrl}/admin/issues/${encodeURIComponent(id)}/mute`,
      { until },
      admin(),
    );
    expect(muted.status).toBe(200);
    expect(muted.body.issue).toMatchObject({ state: 'muted', muted: { by: 'admin-token', until } });
    expect(await metric('partner-auth')).toBe(1);
  } finally {
    await control.clearFaults('hrlogics');
  }
  await resolves(id);
  // Another evaluation after the resolve: still nothing was sent for it.
  const after = await completedEvaluations();
  await waitFor(async () => (await completedEvaluations()) >= after + 1, {
    what: 'one more evaluation',
    timeoutMs: 20_000,
    intervalMs: 500,
  });
  expect(notified(id, 'issue.resolved')).toHaveLength(0);
  expect(notified(id, 'issue.opened')).toHaveLength(1);
}, 180_000);

it('a deactivated perform-as user opens settings-stale naming the user, and resolves once reactivated', async () => {
  const faultAt = Date.now();
  await control.request('POST', `/lever/users/${SEED_USERS.harry.id}/active`, { active: false });
  const id = `settings-stale:tech-interview:TECH_INTERVIEW_PERFORM_AS_EMAIL:user:${SEED_USERS.harry.email}`;
  try {
    const opened = await opens(id, faultAt);
    expect(opened).toMatchObject({
      kind: 'settings-stale',
      integration: 'tech-interview',
      subject: { type: 'user', id: SEED_USERS.harry.email },
    });
    expect(opened.title).toMatch(/deactivated/);
  } finally {
    await control.request('POST', `/lever/users/${SEED_USERS.harry.id}/active`, { active: true });
  }
  await resolves(id);
}, 180_000);

it(
  'a write Lever refuses for every user opens lever-refused with the waiting process as its example, and resolves once the role is fixed',
  async () => {
    await control.setUserRole(SEED_USERS.harry.id, 'interviewer');
    const interviewId = `int-${randomUUID()}`;
    const faultAt = Date.now();
    try {
      await techInterviewControl(control).completeInterview({
        interviewId,
        outcome: 'advance',
        candidate: { anonymous: false, name: 'Rene Refused', email: `rene-${randomUUID()}@example.com` },
        interviewer: { name: 'Ivan Interviewer', leverUserEmail: SEED_USERS.ivan.email },
        scores: { technical: 4, communication: 3, problemSolving: 2 },
        feedback: 'Fine.',
        leverPostingId: SEED_POSTING_IDS.backendEngineer,
      });
      const opened = await waitFor(async () => issue('lever-refused').then((i) => i && i.state !== 'resolved' && i), {
        what: 'lever-refused to open',
        timeoutMs: 60_000,
        intervalMs: 250,
      });
      expect(opened.examples).toContain(integrationProcessId('tech-interview', 'export', interviewId));
      expect(opened.title).toMatch(/^1 process waits/);
      expect(Date.parse(opened.firstSeen)).toBeGreaterThan(faultAt);
    } finally {
      await control.setUserRole(SEED_USERS.harry.id, SEED_USERS.harry.accessRole);
    }
    // The export carries on by itself (its next attempt, up to 5 minutes of back-off) and the issue resolves after that.
    await waitFor(async () => issue('lever-refused').then((i) => i?.state === 'resolved'), {
      what: 'lever-refused to resolve',
      timeoutMs: 6 * 60_000,
      intervalMs: 1_000,
    });
  },
  8 * 60_000,
);

it('a paused sweep schedule opens sweep-paused, and resolves when it runs again', async () => {
  const schedule = relay.client.schedule.getHandle(sweepScheduleId(relay.config.temporal.taskQueue));
  const faultAt = Date.now();
  await schedule.pause('paused by the issues test');
  try {
    expect(await opens('sweep-paused', faultAt)).toMatchObject({
      subject: { type: 'schedule', id: sweepScheduleId(relay.config.temporal.taskQueue) },
    });
  } finally {
    await schedule.unpause('the issues test is done');
  }
  await resolves('sweep-paused');
}, 180_000);

it('a Lever key without access (403) opens lever-key-forbidden', async () => {
  const faultAt = Date.now();
  await control.faults('lever', { refuseKey: 403 });
  try {
    expect((await opens('lever-key-forbidden', faultAt)).fix).toMatch(/access/);
    // The console's "Mute" form (as a script posts it: the bearer token stands in for the session and its CSRF token).
    const page = await http<string>('GET', `${relay.apiUrl}/console/issues`, undefined, admin());
    expect(page.body).toContain('aria-label="Mute: Lever refuses the API key access (403)');
    const form = await fetch(`${relay.apiUrl}/console/issues/lever-key-forbidden/mute`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'for=1h',
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/console/issues?done=muted');
    expect(await issue('lever-key-forbidden')).toMatchObject({ state: 'muted', muted: { by: 'admin-token' } });
  } finally {
    await control.clearFaults('lever');
  }
  await resolves('lever-key-forbidden');
}, 180_000);

it("keeps the issues workflow's memo under Temporal's 2 KB warning limit with every issue of this file kept: counts in the memo, issues by query", async () => {
  const { raw } = await relay.client.workflow.getHandle(workflowIds.issues(relay.config.temporal.taskQueue)).describe();
  const memo = raw.workflowExecutionInfo?.memo ?? {};
  expect(Object.keys(memo.fields ?? {})).toEqual(['issuesSummary']);
  const memoBytes = temporal.api.common.v1.Memo.encode(memo).finish().length;
  const kept = await issues();
  expect(kept.length).toBeGreaterThanOrEqual(8);
  // What the memo held before: every issue, over the 2 KB at which the server logs "Blob data size exceeds the warning limit".
  expect(JSON.stringify(kept).length).toBeGreaterThan(2 * 1024);
  expect(memoBytes).toBeLessThan(2 * 1024);
}, 60_000);
