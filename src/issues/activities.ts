// The issues' activities: one evaluation (measure the facts, the processes' observations included, run
// every detector, hand the findings to the issues workflow with a signal-with-start, so the first
// evaluation creates it), and one notification
// (a signed POST to ALERT_WEBHOOK_URL; HTTP outcomes classified by src/http/errors.ts, so a 5xx or a
// network failure is retried by Temporal until the receiver accepts it).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Config } from '../assembly/config';
import type { CheckResult } from '../doctor/check';
import { classifyHttpStatus, classifyNetworkError } from '../http/errors';
import { workflowIds } from '../temporal/workflow-ids';
import { detect } from './detectors';
import { measureFacts } from './facts';
import type { IssueTransition } from './kinds';
import { observedQuery } from './messages';
import { NOTHING_OBSERVED, type Observed } from './observed';
import { signedNotification } from './notification';
import { sendEvaluation } from './signal';

/** How long an evaluation waits for the issues workflow's observations (a worker answers the query). */
const OBSERVED_TIMEOUT_MS = 10_000;

/** The reports the issues workflow holds; none before it exists. */
async function observedBy(client: Client, taskQueue: string): Promise<Observed> {
  try {
    return await client.withDeadline(Date.now() + OBSERVED_TIMEOUT_MS, () =>
      client.workflow.getHandle(workflowIds.issues(taskQueue)).query(observedQuery),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return NOTHING_OBSERVED;
    throw error;
  }
}

export interface IssueActivityDeps {
  client: Client;
  /** The configuration with the settings in force now. */
  config: () => Config;
  /** The doctor's checks with the settings in force (Lever read through the Lever queue). */
  checks: () => Promise<CheckResult[]>;
  fetchImpl?: typeof fetch;
}

export function createIssueActivities(deps: IssueActivityDeps) {
  return {
    async evaluateIssues(): Promise<{ findings: number }> {
      const config = deps.config();
      const facts = await measureFacts({
        client: deps.client,
        config,
        checks: deps.checks,
        observed: () => observedBy(deps.client, config.temporal.taskQueue),
      });
      const findings = detect(facts);
      await sendEvaluation(deps.client, config.temporal.taskQueue, {
        at: facts.at,
        findings,
        resolveAfterMs: config.issues.resolveAfterMs,
      });
      return { findings: findings.length };
    },

    async notifyIssue(transition: IssueTransition): Promise<string> {
      const { alertWebhookUrl, alertWebhookSecret } = deps.config().issues;
      if (!alertWebhookUrl || !alertWebhookSecret) return 'not sent: ALERT_WEBHOOK_URL is not set';
      const { id, body, headers } = signedNotification(transition, alertWebhookSecret);
      const path = new URL(alertWebhookUrl).pathname;
      let response: Response;
      try {
        response = await (deps.fetchImpl ?? fetch)(alertWebhookUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) });
      } catch (error) {
        throw classifyNetworkError('alert webhook', 'POST', path, error);
      }
      await response.text().catch(() => '');
      if (!response.ok)
        throw classifyHttpStatus({
          service: 'alert webhook',
          method: 'POST',
          path,
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        });
      return `sent ${id} (${response.status})`;
    },
  };
}

export type IssueActivities = ReturnType<typeof createIssueActivities>;
