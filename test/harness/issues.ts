// Reading a test relay's issues the way a person or a script does (`GET /admin/issues`, `/metrics`) and
// waiting for one to open or resolve within what the issue promises: 2 evaluation periods (plus the time
// an evaluation itself takes on a loaded machine) to open, the resolve delay more to resolve.
import type { IssueView } from '../../src/issues/view';
import { http, waitFor } from './http';
import type { TestRelay } from './relay';

/**
 * What one evaluation may take beyond its period: its checks read Lever through the rate-limited queue, one
 * leverRead run per read, about 1 s alone and up to tens of seconds on a 2-core machine running the whole
 * suite (measured: the full suite in parallel missed an 8 s allowance).
 */
export const EVALUATION_SLACK_MS = 30_000;

export function issuesOf(relay: () => TestRelay, timing: { periodMs: number; resolveAfterMs: number }) {
  const openWithinMs = 2 * timing.periodMs + EVALUATION_SLACK_MS;
  const resolveWithinMs = timing.resolveAfterMs + 2 * timing.periodMs + EVALUATION_SLACK_MS;
  const admin = () => ({ authorization: `Bearer ${relay().config.api.adminToken}` });
  const issues = async () => (await http<{ issues: IssueView[] }>('GET', `${relay().apiUrl}/admin/issues`, undefined, admin())).body.issues;
  const issue = async (id: string) => (await issues()).find((i) => i.id === id);
  return {
    openWithinMs,
    resolveWithinMs,
    admin,
    issues,
    issue,
    /** Waits until the issue is open (not resolved), at most `openWithinMs` after `faultAt` (or `withinMs`, for a fault that takes longer to show). */
    async opens(id: string, faultAt: number, withinMs = openWithinMs): Promise<IssueView> {
      const opened = await waitFor(async () => issue(id).then((i) => i && i.state !== 'resolved' && i), {
        what: `issue ${id} to open`,
        timeoutMs: withinMs,
        intervalMs: 250,
      });
      expect(Date.parse(opened.firstSeen) - faultAt).toBeLessThanOrEqual(withinMs);
      return opened;
    },
    /** Waits until the issue is resolved, at most `resolveWithinMs` (or `withinMs`). */
    resolves: (id: string, withinMs = resolveWithinMs): Promise<IssueView> =>
      waitFor(async () => issue(id).then((i) => i?.state === 'resolved' && i), {
        what: `issue ${id} to resolve`,
        timeoutMs: withinMs,
        intervalMs: 250,
      }),
    /** `relay_issues_open{kind}` as the API exports it. */
    async metric(kind: string): Promise<number> {
      const text = (await http<string>('GET', `${relay().apiUrl}/metrics`)).body;
      const line = text.split('\n').find((l) => l.startsWith(`relay_issues_open{kind="${kind}"}`));
      return Number(line?.split(' ')[1]);
    },
    /** Evaluations completed so far (the schedule's runs). */
    async completedEvaluations(): Promise<number> {
      const queue = relay().config.temporal.taskQueue;
      const { count } = await relay().client.workflow.count(
        `WorkflowType = 'issuesEvaluation' AND TaskQueue = '${queue}' AND ExecutionStatus = 'Completed'`,
      );
      return count;
    },
  };
}
