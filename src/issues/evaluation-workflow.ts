// One evaluation of every detector, started by the issues schedule every ISSUES_EVALUATION_INTERVAL (never
// two at once, however many APIs and workers run). The activity measures, detects and hands the findings
// to `relay-issues/<task queue>`; this workflow only gives it a deadline.
import { proxyActivities } from '@temporalio/workflow';
import type { IssueActivities } from './activities';

const { evaluateIssues } = proxyActivities<IssueActivities>({
  startToCloseTimeout: '2m',
  // A failed evaluation is not retried: the next one is at most one interval away.
  retry: { maximumAttempts: 2 },
});

export async function issuesEvaluation(): Promise<{ findings: number }> {
  return evaluateIssues();
}
