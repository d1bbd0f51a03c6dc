// The issues' lifecycle and detectors as pure functions: open, count, examples, resolve after the delay,
// reopen, acknowledge cleared on reopen, a mute that silences notifications; each detector from facts;
// and the cost of measuring: counts, and at most one page of 10 examples however many processes match.
import type { Client } from '@temporalio/client';
import { testConfig } from '../harness/temporal';
import { detect } from '../../src/issues/detectors';
import { countAndExamples, type Facts } from '../../src/issues/facts';
import type { Finding, Issue } from '../../src/issues/kinds';
import { applyEvaluation, notifies } from '../../src/issues/lifecycle';

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
