// Every API holds the deployment's issues, read from the issues workflow's memo (a describe: no worker
// needed) every 2 s in the background, so each console page can show the count in its navigation without
// waiting; `/admin/issues` and `/metrics` read afresh. A person's acknowledge or mute is an Update.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { HttpProblem } from '../http/problems';
import { workflowIds } from '../temporal/workflow-ids';
import type { Issue, IssueAuditEntry } from './kinds';
import { sortedForPeople } from './lifecycle';
import { acknowledgeIssueUpdate, ISSUES_MEMO, issuesAuditQuery, muteIssueUpdate, UNKNOWN_ISSUE } from './messages';

export const ISSUES_REFRESH_MS = 2_000;

export class LiveIssues {
  private issues: Issue[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly intervalMs = ISSUES_REFRESH_MS,
  ) {}

  get workflowId(): string {
    return workflowIds.issues(this.taskQueue);
  }

  /** The issues last read, open first. */
  current(): Issue[] {
    return this.issues;
  }

  /** Issues that are not resolved (open, acknowledged or muted): what the navigation counts. */
  unresolved(): number {
    return this.issues.filter((issue) => issue.state !== 'resolved').length;
  }

  /** Reads the memo now; no workflow yet means no issues. Throws when Temporal cannot be read. */
  async refresh(): Promise<Issue[]> {
    try {
      const description = await this.client.withDeadline(Date.now() + 2_000, () =>
        this.client.workflow.getHandle(this.workflowId).describe(),
      );
      this.issues = sortedForPeople((description.memo?.[ISSUES_MEMO] as Issue[] | undefined) ?? []);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.issues = [];
    }
    return this.issues;
  }

  start(): void {
    void this.refresh().catch(() => undefined);
    this.timer ??= setInterval(() => void this.refresh().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Who acknowledged or muted what, newest first (a query: a worker answers it). */
  async audit(): Promise<IssueAuditEntry[]> {
    try {
      return await this.client.workflow.getHandle(this.workflowId).query(issuesAuditQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return [];
      throw error;
    }
  }

  acknowledge(id: string, actor: string): Promise<Issue> {
    return this.update(() =>
      this.client.workflow.getHandle(this.workflowId).executeUpdate(acknowledgeIssueUpdate, { args: [{ id, actor }] }),
    );
  }

  mute(id: string, actor: string, until: number): Promise<Issue> {
    return this.update(() =>
      this.client.workflow.getHandle(this.workflowId).executeUpdate(muteIssueUpdate, { args: [{ id, actor, until }] }),
    );
  }

  private async update(call: () => Promise<Issue>): Promise<Issue> {
    try {
      const issue = await call();
      await this.refresh().catch(() => undefined);
      return issue;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new HttpProblem(404, 'there are no issues yet');
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === UNKNOWN_ISSUE)
        throw new HttpProblem(error.cause.message.startsWith('no issue') ? 404 : 400, error.cause.message);
      throw error;
    }
  }
}
