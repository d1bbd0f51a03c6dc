// The Wintro vacancy sync end to end through HTTP: 150+ published postings over several Lever pages
// (both channels; internal-only included, closed and confidential left out), exclusions checked against
// our own SHA-256 of the sandbox's emails, the admin "Sync" button (auth, two clicks = one run), and the
// schedule.
import { ScheduleOverlapPolicy } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { createHash } from 'node:crypto';
import { SANDBOX_ADMIN_TOKEN } from '../../../src/config/sandbox-defaults';
import { wintroSyncProgressQuery, type WintroSyncProgress } from '../../../src/integrations/wintro/messages';
import { wintroControl } from '../../../src/integrations/wintro/sandbox/control-client';
import { wintroSyncId } from '../../../src/integrations/wintro/schedule';
import { SEED_POSTING_IDS } from '../../../src/sandbox/lever/seed';
import { scheduleId } from '../../../src/temporal/workflow-ids';
import { http, useTestRelay, waitFor } from '../../harness/relay';

const t = useTestRelay();

const sha256 = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
const syncNow = (token?: string) =>
  http<{ status: string; workflowId: string; runId: string }>(
    'POST',
    `${t.relay.apiUrl}/admin/wintro/sync`,
    undefined,
    token ? { authorization: `Bearer ${token}` } : {},
  );

/** Activity attempts after the first, over every run of a continue-as-new chain. */
async function retriedAttempts(workflowId: string, firstRunId: string): Promise<number> {
  let retries = 0;
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await t.relay.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    for (const e of events) retries += Math.max(0, (e.activityTaskStartedEventAttributes?.attempt ?? 1) - 1);
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return retries;
}

describe('POST /admin/wintro/sync', () => {
  it('refuses a missing or wrong admin token with 401 and starts nothing', async () => {
    expect((await syncNow()).status).toBe(401);
    expect((await syncNow('not-the-admin-token')).status).toBe(401);
    await expect(t.relay.client.workflow.getHandle(wintroSyncId(t.relay.config.temporal.taskQueue)).describe()).rejects.toThrow(
      /not found/i,
    );
  });
});

describe('Wintro vacancy sync', () => {
  it("syncs every published posting over several pages, and each posting's applicants as hashed exclusions", async () => {
    const bulk = await t.control.bulkPostings({ count: 200, applicantsPerPosting: 2, applicantsOnFirst: 130 });
    // One published posting is confidential: Wintro must never hear of it or of who applied to it.
    const confidential = bulk.postings[1];
    await t.control.setConfidentiality(confidential.id, 'confidential');
    const published = bulk.postings.filter((p) => p.state === 'published' && p !== confidential);
    expect(published.length).toBeGreaterThanOrEqual(150);
    expect(published.some((p) => p.distributionChannels.join() === 'internal')).toBe(true);

    const started = Date.now();
    const first = await syncNow(SANDBOX_ADMIN_TOKEN);
    const second = await syncNow(SANDBOX_ADMIN_TOKEN);
    expect(first.status).toBe(202);
    // Two clicks in a row: one run.
    expect(second.body).toEqual(first.body);

    const handle = t.relay.client.workflow.getHandle(first.body.workflowId);
    const during = await waitFor(
      async () => {
        const p = await handle.query(wintroSyncProgressQuery).catch(() => undefined);
        return p && p.phase === 'exclusions' && p.postingsDone > 0 ? p : undefined;
      },
      { what: 'exclusion progress' },
    );
    expect(during.postingsDone).toBeLessThan(during.postingsTotal);

    const progress = (await handle.result()) as WintroSyncProgress;
    const seconds = (Date.now() - started) / 1000;
    const expectedIds = [
      SEED_POSTING_IDS.backendEngineer,
      SEED_POSTING_IDS.warehouseAssociate,
      SEED_POSTING_IDS.supportLead,
      ...published.map((p) => p.id),
    ];
    expect(progress).toMatchObject({ phase: 'done', postingsDone: expectedIds.length, postingsTotal: expectedIds.length });

    const vacancies = await wintroControl(t.control).vacancies();
    expect(vacancies.map((v) => v.externalId).sort()).toEqual([...expectedIds].sort());
    expect(vacancies.find((v) => v.externalId === SEED_POSTING_IDS.closed)).toBeUndefined();
    expect(vacancies.find((v) => v.externalId === confidential.id)).toBeUndefined();

    // Our own hashes of every email on every posting, straight from the sandbox's Lever.
    const expected = new Map<string, Set<string>>();
    const confidentialHashes = new Set<string>();
    for (const o of await t.control.opportunities()) {
      const posting = o.applications[0]?.posting;
      if (!posting) continue;
      if (posting === confidential.id) o.emails.forEach((e) => confidentialHashes.add(sha256(e)));
      const set = expected.get(posting) ?? new Set<string>();
      o.emails.forEach((e) => set.add(sha256(e)));
      expected.set(posting, set);
    }
    for (const vacancy of vacancies) {
      expect([...(vacancy.exclusions ?? [])].sort()).toEqual([...(expected.get(vacancy.externalId) ?? [])].sort());
    }
    expect(confidentialHashes.size).toBeGreaterThan(0);
    expect(vacancies.flatMap((v) => v.exclusions ?? []).filter((h) => confidentialHashes.has(h))).toEqual([]);
    const firstPosting = vacancies.find((v) => v.externalId === published[0].id)!;
    expect(firstPosting.exclusions!.length).toBeGreaterThan(100);
    // No raw email ever reached Wintro.
    expect(JSON.stringify(vacancies)).not.toMatch(/@/);

    // Lever: every page read once (2 posting pages, 2 pages for the big posting, 1 for each other),
    // and the run continued as new rather than growing one history without bound.
    const leverGets = (await t.control.leverRequests()).filter(
      (r) => r.at >= started && r.method === 'GET' && (r.path === '/postings' || r.path === '/opportunities'),
    );
    // A retried activity reads its page again (at least once, by design): each retry Temporal recorded
    // allows one more read, and none is expected on a quiet machine.
    const retries = await retriedAttempts(first.body.workflowId, first.body.runId);
    const postingReads = leverGets.filter((r) => r.path === '/postings').length;
    const applicantReads = leverGets.filter((r) => r.path === '/opportunities').length;
    expect(postingReads).toBeGreaterThanOrEqual(2);
    expect(applicantReads).toBeGreaterThanOrEqual(expectedIds.length + 1);
    expect(postingReads - 2 + applicantReads - (expectedIds.length + 1)).toBeLessThanOrEqual(retries);
    const description = await handle.describe();
    expect(description.runId).not.toBe(first.body.runId);
    expect(description.searchAttributes.RelayStatus).toEqual([`done ${expectedIds.length}/${expectedIds.length}`]);
    console.log(
      `wintro sync: ${expectedIds.length} postings, ${leverGets.length} Lever reads in ${seconds.toFixed(1)}s at ${t.relay.config.lever.ratePerSecond}/s`,
    );
  }, 120_000);

  it('is scheduled every 4 hours when the worker starts, and a restarted worker updates the same schedule', async () => {
    const describe = () => t.relay.client.schedule.getHandle(scheduleId('wintro-sync', t.relay.config.temporal.taskQueue)).describe();
    const before = await describe();
    expect(before.spec.intervals).toMatchObject([{ every: 4 * 3_600_000 }]);
    expect(before.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'wintroVacancySync',
      taskQueue: t.relay.config.temporal.taskQueue,
    });
    expect(before.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    await t.relay.stopWorker();
    await t.relay.startWorker();
    const after = await describe();
    expect(after.state.paused).toBe(false);
    expect(after.spec.intervals).toEqual(before.spec.intervals);
  });
});
