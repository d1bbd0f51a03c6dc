// The issues' lifecycle and detectors as pure functions: open, count, examples, resolve after the delay,
// reopen, acknowledge cleared on reopen, a mute that silences notifications; the memo's summary, small
// however many issues; the processes' observations merged; each detector from facts; and the cost of
// measuring: counts, and at most one page of 10 examples however many processes match.
import type { Client } from '@temporalio/client';
import { testConfig } from '../harness/temporal';
import { detect } from '../../src/issues/detectors';
import { countAndExamples, type Facts } from '../../src/issues/facts';
import type { Finding, Issue } from '../../src/issues/kinds';
import { applyEvaluation, notifies, summaryOf } from '../../src/issues/lifecycle';
import { failingServices, NOTHING_OBSERVED, recordReport, type ObservationReport, type Observed } from '../../src/issues/observed';

const finding = (id: string, examples: string[] = []): Finding => ({ id, kind: 'lever-refused', title: id, fix: 'fix it', examples });
const RESOLVE = 10 * 60_000;

describe('lifecycle', () => {
  it('opens, counts, keeps up to 10 examples, resolves after the delay and reopens', () => {
    let issues: Issue[] = [];
    let step = applyEvaluation(issues, { at: 0, findings: [finding('a', ['o1', 'o2'])], resolveAfterMs: RESOLVE });
    expect(step.transitions.map((t) => [t.change, t.issue.id])).toEqual([['opened', 'a']]);
    issues = step.issues;
    step = applyEvaluation(issues, {
      at: 60_000,
      findings: [
        finding(
          'a',
          Array.from({ length: 12 }, (_, i) => `n${i}`),
        ),
      ],
      resolveAfterMs: RESOLVE,
    });
    expect(step.transitions).toEqual([]);
    issues = step.issues;
    expect(issues[0]).toMatchObject({ state: 'open', count: 2, firstSeen: 0, lastSeen: 60_000 });
    expect(issues[0].examples).toHaveLength(10);

    step = applyEvaluation(issues, { at: 60_000 + RESOLVE - 1, findings: [], resolveAfterMs: RESOLVE });
    expect(step.transitions).toEqual([]);
    step = applyEvaluation(step.issues, { at: 60_000 + RESOLVE, findings: [], resolveAfterMs: RESOLVE });
    expect(step.transitions.map((t) => t.change)).toEqual(['resolved']);
    expect(step.issues[0].state).toBe('resolved');

    const acknowledged = step.issues.map((i) => ({ ...i, acknowledged: { by: 'ana', at: 1 } }));
    step = applyEvaluation(acknowledged, { at: 2 * RESOLVE, findings: [finding('a')], resolveAfterMs: RESOLVE });
    expect(step.transitions.map((t) => t.change)).toEqual(['reopened']);
    expect(step.issues[0]).toMatchObject({ state: 'open', openedAt: 2 * RESOLVE, firstSeen: 0, count: 3 });
    expect(step.issues[0].acknowledged).toBeUndefined();
  });

  it('a muted issue is muted until its time, and notifies nobody meanwhile', () => {
    const [opened] = applyEvaluation([], { at: 0, findings: [finding('a')], resolveAfterMs: RESOLVE }).issues;
    const muted: Issue = { ...opened, muted: { by: 'ana', at: 0, until: 1_000_000 } };
    const still = applyEvaluation([muted], { at: 500_000, findings: [finding('a')], resolveAfterMs: RESOLVE });
    expect(still.issues[0].state).toBe('muted');
    expect(notifies(still.issues[0], 500_000)).toBe(false);
    expect(notifies(still.issues[0], 1_000_001)).toBe(true);
    expect(applyEvaluation([muted], { at: 1_000_001, findings: [finding('a')], resolveAfterMs: RESOLVE }).issues[0].state).toBe('open');
  });
});

describe('detectors', () => {
  const config = testConfig({ LEVER_SWEEP_INTERVAL: '15m' });
  const healthy: Facts = {
    at: 10 * 3_600_000,
    config,
    checks: [{ name: 'Lever: API key', ok: true, detail: 'answers' }],
    leverRefused: { count: 0, examples: [] },
    sweep: { intervalMs: 15 * 60_000, paused: false, createdAt: 0, completedRecently: 3 },
    pollers: [{ taskQueue: 'q', type: 'workflow', count: 2 }],
    leverBacklogAgeMs: 1_000,
    observed: NOTHING_OBSERVED,
  };

  it('find nothing in healthy facts', () => {
    expect(detect(healthy)).toEqual([]);
  });

  it('each finds its condition, with what it concerns', () => {
    const kinds = (facts: Partial<Facts>) => detect({ ...healthy, ...facts }).map((f) => f.id);
    expect(kinds({ leverRefused: { count: 3, examples: ['wintro/referral/r1'] } })).toEqual(['lever-refused']);
    expect(kinds({ sweep: { ...healthy.sweep!, paused: true } })).toEqual(['sweep-paused']);
    expect(kinds({ sweep: { ...healthy.sweep!, completedRecently: 0 } })).toEqual(['sweep-stalled']);
    // A schedule younger than 3 intervals has had no chance yet.
    expect(kinds({ sweep: { ...healthy.sweep!, completedRecently: 0, createdAt: healthy.at - 60_000 } })).toEqual([]);
    expect(kinds({ pollers: [{ taskQueue: 'q-lever', type: 'activity', count: 0 }] })).toEqual(['no-pollers:q-lever:activity']);
    expect(kinds({ leverBacklogAgeMs: 6 * 60_000 })).toEqual([`lever-backlog:${config.temporal.taskQueue}-lever`]);
    expect(kinds({ checks: [{ name: 'Lever: API key', ok: false, detail: 'Lever GET /stages answered 403 (Forbidden)' }] })).toEqual([
      'lever-key-forbidden',
    ]);
    const stale = detect({
      ...healthy,
      checks: [
        { name: 'WILLO_TRIGGER_STAGES: stage "stage-gone"', ok: false, detail: 'no Lever stage has this id or name', integration: 'willo' },
      ],
    });
    expect(stale).toMatchObject([{ kind: 'settings-stale', integration: 'willo', subject: { type: 'stage', id: 'stage-gone' } }]);
    const confidential = { name: 'Lever: confidential access', ok: false, detail: 'Lever GET /postings answered 403 (Forbidden)' };
    expect(kinds({ checks: [healthy.checks[0], confidential] })).toEqual(['lever-key-confidential']);
    // A key refused altogether is lever-key-forbidden alone.
    expect(kinds({ checks: [{ name: 'Lever: API key', ok: false, detail: 'answered 403 (Forbidden)' }, confidential] })).toEqual([
      'lever-key-forbidden',
    ]);
  });

  it('find what the processes observed: Lever 429s, refused callbacks (3 or more), services failing past ISSUES_FAILING_AFTER', () => {
    const { observationWindowMs, failingAfterMs } = config.issues;
    const at = healthy.at;
    const observedWith = (...reports: Partial<ObservationReport>[]): Observed =>
      reports.reduce<Observed>((o, r) => recordReport(o, { ...report(at), ...r }), NOTHING_OBSERVED);
    const kinds = (observed: Observed) => detect({ ...healthy, observed }).map((f) => f.id);
    expect(kinds(observedWith({ leverRateLimited: 2 }))).toEqual(['lever-rate-limited']);
    // Older than the window: forgotten.
    expect(kinds(observedWith({ at: at - observationWindowMs - 1, leverRateLimited: 2 }))).toEqual([]);
    expect(kinds(observedWith({ callbacksRefused: { willo: 2 } }))).toEqual([]);
    const refused = detect({
      ...healthy,
      observed: observedWith({ callbacksRefused: { willo: 2 } }, { source: 'api-2', callbacksRefused: { willo: 1 } }),
    });
    expect(refused).toMatchObject([
      { id: 'callback-signatures:willo', integration: 'willo', subject: { type: 'partner', id: 'willo', name: 'Willo' } },
    ]);
    expect(refused[0].fix).toMatch(/WILLO_CALLBACK_SECRET/);

    const failing = (since: number) => ({ HRLogics: { since, lastAt: at - 1_000, last: '503' } });
    expect(kinds(observedWith({ failing: failing(at - failingAfterMs + 60_000) }))).toEqual([]);
    const down = detect({ ...healthy, observed: observedWith({ failing: failing(at - failingAfterMs - 1) }) });
    expect(down).toMatchObject([{ id: 'service-failing:hrlogics', integration: 'hrlogics', subject: { type: 'partner', id: 'hrlogics' } }]);
    expect(down[0].title).toMatch(/^HRLogics has failed for 15 min \(last: 503\)/);
    // Another process got an answer after the failures began: failing only since then, so not for long enough.
    expect(
      kinds(observedWith({ failing: failing(at - failingAfterMs - 1) }, { source: 'w2', answered: { HRLogics: at - 60_000 } })),
    ).toEqual([]);
    expect(kinds(observedWith({ failing: { Lever: { since: at - failingAfterMs - 1, lastAt: at, last: 'network' } } }))).toEqual([
      'service-failing:lever',
    ]);
  });
});

const report = (at: number): ObservationReport => ({
  source: 'w1',
  at,
  windowMs: 15 * 60_000,
  leverRateLimited: 0,
  callbacksRefused: {},
  failing: {},
  answered: {},
});

describe('observations', () => {
  it("keep each process's latest view of failures, forget a silent process after the window, and an answer ends a failure", () => {
    const at = 100 * 60_000;
    let observed = recordReport(NOTHING_OBSERVED, { ...report(at), failing: { Willo: { since: at - 5_000, lastAt: at, last: '500' } } });
    observed = recordReport(observed, {
      ...report(at + 1_000),
      source: 'w2',
      failing: { Willo: { since: at - 9_000, lastAt: at + 1_000, last: 'network' } },
    });
    expect(failingServices(observed, at + 1_000, 15 * 60_000)).toEqual({
      Willo: { since: at - 9_000, lastAt: at + 1_000, last: 'network' },
    });
    // w2 reports again with nothing failing: its view goes; w1's stays.
    observed = recordReport(observed, { ...report(at + 2_000), source: 'w2', answered: { Willo: at + 2_000 } });
    expect(failingServices(observed, at + 2_000, 15 * 60_000)).toEqual({});
    // w1 fails again after that answer: failing since the answer.
    observed = recordReport(observed, {
      ...report(at + 3_000),
      failing: { Willo: { since: at - 5_000, lastAt: at + 3_000, last: '500' } },
    });
    expect(failingServices(observed, at + 3_000, 15 * 60_000).Willo.since).toBe(at + 2_000);
    // A process silent for longer than the window (a killed worker) no longer counts.
    expect(failingServices(observed, at + 3_000 + 15 * 60_000, 15 * 60_000)).toEqual({});
  });
});

describe('the memo', () => {
  it('holds counts only: a few hundred bytes for a hundred issues with long titles and ten examples each', () => {
    const findings = Array.from({ length: 100 }, (_, i) =>
      finding(
        `settings-stale:willo:WILLO_TRIGGER_STAGES:stage:${'s'.repeat(40)}-${i}`,
        Array.from({ length: 10 }, (_, e) => `willo/${'o'.repeat(36)}-${e}`),
      ),
    );
    const { issues } = applyEvaluation([], { at: 0, findings, resolveAfterMs: RESOLVE });
    const summary = summaryOf(issues, 7);
    expect(summary).toEqual({ revision: 7, total: 100, unresolved: { 'lever-refused': 100 } });
    expect(JSON.stringify(issues).length).toBeGreaterThan(32 * 1024);
    expect(JSON.stringify(summary).length).toBeLessThan(2 * 1024);
  });
});

describe('cost of measuring', () => {
  it('counts, and reads at most one page of 10 examples however many processes match', async () => {
    let listed = 0;
    let pageSize: number | undefined;
    const client = {
      workflow: {
        count: async () => ({ count: 20_000 }),
        list: (options: { pageSize?: number }) => {
          pageSize = options.pageSize;
          return (async function* () {
            for (let i = 0; i < 20_000; i++) {
              listed += 1;
              yield { workflowId: `w${i}` };
            }
          })();
        },
      },
    } as unknown as Client;
    const { count, examples } = await countAndExamples(client, 'RelayStatus = "lever-refused"');
    expect(count).toBe(20_000);
    expect(examples).toHaveLength(10);
    expect(listed).toBe(10);
    expect(pageSize).toBe(10);
  });
});
