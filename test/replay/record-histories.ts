// `npm run record-histories`: plays every flow through the sandbox against a fresh dev server and saves
// each run's history to test/replay/histories/, where the replay test checks that today's workflow code
// still replays them. Record again only when a change is meant to break compatibility (there is no
// deployment to keep running); otherwise a workflow change must keep replaying these (use `patched()`).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { reftyControl } from '../../src/integrations/refty/sandbox/control-client';
import { techInterviewControl } from '../../src/integrations/tech-interview/sandbox/control-client';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { wintroControl } from '../../src/integrations/wintro/sandbox/control-client';
import { wintroSyncId } from '../../src/integrations/wintro/schedule';
import { sweepScheduleId } from '../../src/opportunity/sweep-schedule';
import { eachIntegration } from '../../src/integrations';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS, SEED_USERS } from '../../src/sandbox/lever/seed';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { integrationProcessId, workflowIds } from '../../src/temporal/workflow-ids';
import { findTemporalCli } from '../../src/dev/temporal-cli';
import type { LiveTokens } from '../../src/tokens/live';
import globalSetup from '../harness/global-setup';
import globalTeardown from '../harness/global-teardown';
import { http, waitFor } from '../harness/http';
import { decisionOf } from '../harness/opportunity';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { quietRuntime, resultOnceStarted } from '../harness/temporal';
import type { HistoryRecording } from './recording';

// RECORD_DIR: where to write (default: the histories the replay test reads).
const dir = process.env.RECORD_DIR ?? join(__dirname, 'histories');
const email = () => `replay-${randomUUID()}@example.com`;

/** Waits for the run to end, then saves its history as `temporal workflow show --output json` prints it. */
async function save(relay: TestRelay, name: string, workflowId: string): Promise<void> {
  // Some processes start a moment after the step that causes them: wait for the run to exist, then to end.
  await resultOnceStarted(relay.client, workflowId);
  const { runId } = await relay.client.workflow.getHandle(workflowId).describe();
  await saveRun(relay, name, workflowId, runId);
}

async function saveRun(relay: TestRelay, name: string, workflowId: string, runId: string): Promise<void> {
  const json = execFileSync(
    findTemporalCli()!,
    ['workflow', 'show', '--address', relay.config.temporal.address, '-w', workflowId, '-r', runId, '--output', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  writeFileSync(join(dir, `${name}.json`), json);
  console.log(`recorded ${name} (${workflowId})`);
}

async function main(): Promise<void> {
  quietRuntime();
  mkdirSync(dir, { recursive: true });
  await globalSetup();
  // RECORD_ONLY=settings records one group of histories (e.g. after changing only that workflow).
  const only = process.env.RECORD_ONLY;
  try {
    if (!only || only === 'flows') await recordEveryFlow();
    if (!only || only === 'expiries') await recordExpiries();
    if (!only || only === 'settings') await recordSettings();
    if (!only || only === 'tokens') await recordApiTokens();
    if (!only || only === 'integrations') await recordIntegrations();
  } finally {
    await globalTeardown();
  }
}

/** Every integration in the registry that has a `test/integrations/<name>/histories.ts`: its own flows. */
async function recordIntegrations(): Promise<void> {
  for (const [, integration] of eachIntegration()) {
    const path = join(__dirname, '..', 'integrations', integration.name, 'histories.ts');
    if (!existsSync(path)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { recording } = require(path) as { recording: HistoryRecording };
    const relay = await startTestRelay({ env: recording.env });
    try {
      const control = new SandboxControl(relay.sandbox.baseUrl);
      await recording.record({ relay, control, save: (name, workflowId) => save(relay, name, workflowId) });
    } finally {
      await relay.stop();
    }
  }
}

async function recordEveryFlow(): Promise<void> {
  // The sweep runs only when triggered here.
  const relay = await startTestRelay({ env: { LEVER_SWEEP_INTERVAL: '1h' } });
  const control = new SandboxControl(relay.sandbox.baseUrl);
  const hrlogics = hrlogicsControl(control);
  const willo = willoControl(control);
  const refty = reftyControl(control);
  try {
    // HRLogics: pre-qualified, then hired (the opportunity process hands the hire over).
    const hired = await control.apply({ name: 'Replay Hired', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    const screening = await waitFor(async () => (await hrlogics.screenings(hired.opportunityId))[0], { what: 'a screening' });
    await save(relay, 'opportunity-application-starts-screening', workflowIds.opportunity(hired.opportunityId));
    await hrlogics.completeSurvey(screening.screeningId, 'pre_qualified');
    await waitFor(
      async () =>
        (await relay.client.workflow.getHandle(integrationProcessId('hrlogics', hired.opportunityId)).describe()).searchAttributes
          .RelayStatus?.[0] === 'pre_qualified',
      { what: 'the result' },
    );
    const hireAt = Date.now();
    await control.hire(hired.opportunityId);
    await decisionOf(relay.client, hired.opportunityId, 'hrlogics', { since: hireAt, reason: /handed/ });
    await save(relay, 'opportunity-hire-handed-to-screening', workflowIds.opportunity(hired.opportunityId));
    await save(relay, 'hrlogics-pre-qualified-then-hired', integrationProcessId('hrlogics', hired.opportunityId));

    const notQualified = await control.apply({ name: 'Replay Not', email: email() });
    const second = await waitFor(async () => (await hrlogics.screenings(notQualified.opportunityId))[0], { what: 'a screening' });
    await hrlogics.completeSurvey(second.screeningId, 'not_qualified');
    await save(relay, 'hrlogics-not-qualified', integrationProcessId('hrlogics', notQualified.opportunityId));

    const archived = await control.apply({ name: 'Replay Archived', email: email() });
    await waitFor(async () => (await hrlogics.screenings(archived.opportunityId))[0], { what: 'a screening' });
    await control.archive(archived.opportunityId);
    await save(relay, 'hrlogics-archived-cancelled', integrationProcessId('hrlogics', archived.opportunityId));

    // No email: the screening process notes it in Lever and ends.
    const noEmail = await control.apply({ name: 'Replay Noemail' });
    await save(relay, 'hrlogics-no-email-noted', integrationProcessId('hrlogics', noEmail.opportunityId));

    // Willo: trigger stage -> invite -> response -> accepted; and an invite withdrawn on archive.
    const video = await control.apply({ name: 'Replay Video', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const movedAt = Date.now();
    await control.moveStage(video.opportunityId, 'phone-screen');
    const participant = await waitFor(async () => (await willo.participants(video.opportunityId))[0], { what: 'an invite' });
    await decisionOf(relay.client, video.opportunityId, 'willo', { since: movedAt, reason: /started/ });
    await save(relay, 'opportunity-trigger-stage-starts-willo', workflowIds.opportunity(video.opportunityId));
    await waitFor(async () => (await control.opportunity(video.opportunityId)).tags.includes('Willo:Invited'), { what: 'the tag' });
    await willo.finishVideo(participant.key);
    await waitFor(async () => (await control.opportunity(video.opportunityId)).tags.includes('Willo:To Review'), { what: 'to review' });
    await willo.reviewVideo(participant.key, 'Accepted');
    await save(relay, 'willo-invited-responded-accepted', integrationProcessId('willo', video.opportunityId));

    const withdrawn = await control.apply({ name: 'Replay Withdrawn', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await control.moveStage(withdrawn.opportunityId, 'phone-screen');
    await waitFor(async () => (await control.opportunity(withdrawn.opportunityId)).tags.includes('Willo:Invited'), { what: 'the invite' });
    await control.archive(withdrawn.opportunityId);
    await save(relay, 'willo-withdrawn-on-archive', integrationProcessId('willo', withdrawn.opportunityId));

    // A trigger stage on a posting without an interview tag: noted in Lever. The same posting is in no
    // Refty rule, and Phone Screen is a Refty step's stage: noted too.
    const untagged = await control.apply({ name: 'Replay Untagged', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    await control.moveStage(untagged.opportunityId, 'phone-screen');
    await save(relay, 'willo-no-interview-noted', integrationProcessId('willo', untagged.opportunityId));
    await save(relay, 'refty-not-covered-noted', integrationProcessId('refty', untagged.opportunityId));

    // Refty: join, self-assessment completed, re-entry, references, archived mid-step.
    const refs = await control.apply({ name: 'Replay Refs', email: email(), postingId: SEED_POSTING_IDS.supportLead });
    await waitFor(async () => (await refty.candidates(refs.opportunityId))[0], { what: 'the candidate' });
    await control.moveStage(refs.opportunityId, 'phone-screen');
    const [self] = await waitFor(
      async () => ((await refty.requests(refs.opportunityId)).length === 1 ? refty.requests(refs.opportunityId) : undefined),
      { what: 'a request' },
    );
    await refty.finish(self.requestId, 'complete');
    await control.moveStage(refs.opportunityId, 'onsite');
    await waitFor(async () => (await refty.requests(refs.opportunityId)).length === 2, { what: 'the second request' });
    await control.archive(refs.opportunityId);
    await save(relay, 'refty-requests-completed-archived', integrationProcessId('refty', refs.opportunityId));

    // The technical-interview platform: an export, and a stage change reported back from the snapshot.
    const interviews = techInterviewControl(control);
    const sent = await interviews.completeInterview({
      outcome: 'advance',
      candidate: { anonymous: false, name: 'Replay Tech', email: email() },
      interviewer: { name: 'Ivan', leverUserEmail: SEED_USERS.ivan.email },
      scores: { technical: 4, communication: 3, problemSolving: 2 },
      leverPostingId: SEED_POSTING_IDS.backendEngineer,
    });
    await save(relay, 'tech-interview-export-advance', integrationProcessId('tech-interview', 'export', sent.interviewId));
    const exported = await waitFor(
      async () => (await control.opportunities()).find((o) => o.tags.includes(`TechScreen:Interview ${sent.interviewId}`)),
      { what: 'the export' },
    );
    await control.moveStage(exported.id, 'onsite');
    await waitFor(async () => (await interviews.statuses(sent.interviewId)).length > 0, { what: 'the report' });
    await save(relay, 'opportunity-stage-reported-to-platform', workflowIds.opportunity(exported.id));

    // Wintro: a referral, a notification, a sync of a few postings.
    const wintro = wintroControl(control);
    const referral = await wintro.refer({
      leverPostingId: SEED_POSTING_IDS.backendEngineer,
      candidate: { name: 'Replay Ref', email: email() },
      referrer: { name: 'Erin', email: 'erin@example.com' },
    });
    await save(relay, 'wintro-referral-new', integrationProcessId('wintro', 'referral', referral.referralId));
    const notified = await wintro.notify(exported.id, 'Viewed twice');
    await save(relay, 'wintro-notification', integrationProcessId('wintro', 'notification', notified.callbackId));
    await http('POST', `${relay.apiUrl}/admin/wintro/sync`, undefined, { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` });
    await save(relay, 'wintro-sync', wintroSyncId(relay.config.temporal.taskQueue));

    // A sweep (its schedule, triggered now) and a backfill's dry run and real run over the same candidates.
    const schedule = relay.client.schedule.getHandle(sweepScheduleId(relay.config.temporal.taskQueue));
    await schedule.trigger();
    const sweepRun = await waitFor(async () => (await schedule.describe()).info.recentActions.at(-1)?.action.workflow, {
      what: 'the sweep',
    });
    await relay.client.workflow.getHandle(sweepRun.workflowId, sweepRun.firstExecutionRunId).result();
    await saveRun(relay, 'lever-sweep', sweepRun.workflowId, sweepRun.firstExecutionRunId);
    for (const dryRun of [true, false]) {
      const answer = await http<{ workflowId: string }>(
        'POST',
        `${relay.apiUrl}/admin/backfill`,
        { integration: 'willo', dryRun },
        { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` },
      );
      await save(relay, dryRun ? 'lever-backfill-dry-run' : 'lever-backfill', answer.body.workflowId);
    }
  } finally {
    await relay.stop();
  }
}

/** Short deadlines: an expiry is noted, the partner's work is kept, and a late answer still counts. */
async function recordExpiries(): Promise<void> {
  const relay = await startTestRelay({
    env: { WILLO_INVITE_EXPIRY: '1s', HRLOGICS_EXPIRY: '2s', HRLOGICS_REMINDER_INTERVAL: '1s', HRLOGICS_MAX_REMINDERS: '1' },
  });
  const control = new SandboxControl(relay.sandbox.baseUrl);
  const notesOf = async (opportunityId: string, prefix: string) =>
    (await control.opportunity(opportunityId)).notes.filter((n) => n.value.startsWith(prefix));
  try {
    const survey = await control.apply({ name: 'Replay Late', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    await waitFor(async () => (await notesOf(survey.opportunityId, 'HRLogics:')).length > 0, { what: 'the expiry note' });
    const [screening] = await hrlogicsControl(control).screenings(survey.opportunityId);
    await hrlogicsControl(control).completeSurvey(screening.screeningId, 'not_qualified');
    await save(relay, 'hrlogics-expired-then-late-result', integrationProcessId('hrlogics', survey.opportunityId));

    const video = await control.apply({ name: 'Replay Slow', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await control.moveStage(video.opportunityId, 'phone-screen');
    await waitFor(async () => (await notesOf(video.opportunityId, 'Willo:')).length > 0, { what: 'the expiry note' });
    const [participant] = await willoControl(control).participants(video.opportunityId);
    await willoControl(control).finishVideo(participant.key);
    await waitFor(async () => (await notesOf(video.opportunityId, 'Willo:')).length > 1, { what: 'the responses note' });
    await willoControl(control).reviewVideo(participant.key, 'Rejected');
    await save(relay, 'willo-expired-then-late-response', integrationProcessId('willo', video.opportunityId));
  } finally {
    await relay.stop();
  }
}

/** The API tokens workflow: two tokens created, one used (its use reported), one revoked. */
async function recordApiTokens(): Promise<void> {
  const relay = await startTestRelay();
  const auth = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
  try {
    const created: { id: string; token: string }[] = [];
    for (const [name, role] of [
      ['replay-ci', 'operator'],
      ['replay-viewer', 'viewer'],
    ]) {
      const answer = await http<{ id: string; token: string }>(
        'POST',
        `${relay.apiUrl}/admin/tokens`,
        { name, role, expiresInDays: 30 },
        auth,
      );
      if (answer.status !== 201) throw new Error(`token creation answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      created.push(answer.body);
    }
    const used = await http('GET', `${relay.apiUrl}/admin/settings`, undefined, { authorization: `Bearer ${created[0].token}` });
    if (used.status !== 200) throw new Error(`a request with the token answered ${used.status}`);
    await (relay.app.locals.apiTokens as LiveTokens).reportUses();
    const revoked = await http('DELETE', `${relay.apiUrl}/admin/tokens/${created[1].id}`, undefined, auth);
    if (revoked.status !== 200) throw new Error(`revocation answered ${revoked.status}`);
    const workflowId = workflowIds.apiTokens(relay.config.temporal.taskQueue);
    const handle = relay.client.workflow.getHandle(workflowId);
    await saveRun(relay, 'relay-tokens-create-use-revoke', workflowId, (await handle.describe()).runId);
  } finally {
    await relay.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

/** The settings workflow: two changes through the JSON API, each applied to the schedules by its activity. */
async function recordSettings(): Promise<void> {
  const relay = await startTestRelay();
  const auth = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
  try {
    const changes = [{ willo: { triggerStages: ['onsite'], inviteExpiry: '7d' } }, { lever: { sweepInterval: '30m' } }];
    for (const change of changes) {
      const [group, values] = Object.entries(change)[0];
      const { body } = await http<{ version: number }>('GET', `${relay.apiUrl}/admin/settings`, undefined, auth);
      const saved = await http('PUT', `${relay.apiUrl}/admin/settings/${group}`, values, { ...auth, 'if-match': String(body.version) });
      if (saved.status !== 200) throw new Error(`settings change answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    }
    const workflowId = workflowIds.settings(relay.config.temporal.taskQueue);
    const handle = relay.client.workflow.getHandle(workflowId);
    // Both changes applied (the last activity completed): the history ends waiting for the next change.
    await waitFor(
      async () => {
        const events = (await handle.fetchHistory()).events ?? [];
        return events.filter((e) => e.activityTaskCompletedEventAttributes).length >= 2 || undefined;
      },
      { what: 'both settings changes applied' },
    );
    await saveRun(relay, 'relay-settings-two-changes', workflowId, (await handle.describe()).runId);
  } finally {
    await relay.stop();
  }
}
