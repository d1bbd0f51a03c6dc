// Every API holds the deployment's issues summary, read from the issues workflow's memo (a describe: no
// worker needed) every 2 s in the background, so each console page can show the count in its navigation
// without waiting, and `/metrics` counts by kind. The issues themselves (the Issues page, `/admin/issues`)
// are asked of the workflow with a query when wanted: a worker answers it. A person's acknowledge or mute is
// an Update.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { HttpProblem } from '../http/problems';
import { workflowIds } from '../temporal/workflow-ids';
import type { Issue, IssueAuditEntry, IssuesSummary } from './kinds';
import { sortedForPeople } from './lifecycle';
import { acknowledgeIssueUpdate, ISSUES_MEMO, issuesAuditQuery, issuesQuery, muteIssueUpdate, UNKNOWN_ISSUE } from './messages';

export const ISSUES_REFRESH_MS = 2_000;
/** How long the Issues page and `/admin/issues` wait for a worker to answer the query. */
const LIST_TIMEOUT_MS = 10_000;

const NO_ISSUES: IssuesSummary = { revision: 0, total: 0, unresolved: {} };

export class LiveIssues {
  private summary: IssuesSummary = NO_ISSUES;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly intervalMs = ISSUES_REFRESH_MS,
  ) {}

  get workflowId(): string {
    return workflowIds.issues(this.taskQueue);
  }

  /** The summary last read. */
  current(): IssuesSummary {
    return this.summary;
  }

  /** Issues that are not resolved (open, acknowledged or muted): what the navigation counts. */
  unresolved(): number {
    return Object.values(this.summary.unresolved).reduce((a, b) => a + (b ?? 0), 0);
  }

  /** Reads the memo now; no workflow yet means no issues. Throws when Temporal cannot be read. */
  async refresh(): Promise<IssuesSummary> {
    try {
      const description = await this.client.withDeadline(Date.now() + 2_000, () =>
        this.client.workflow.getHandle(this.workflowId).describe(),
      );
      this.summary = (description.memo?.[ISSUES_MEMO] as IssuesSummary | undefined) ?? NO_ISSUES;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.summary = NO_ISSUES;
    }
    return this.summary;
  }

  /** Every issue kept, open first (a query: a worker answers it). */
  async list(): Promise<Issue[]> {
    try {
      const issues = await this.client.withDeadline(Date.now() + LIST_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(this.workflowId).query(issuesQuery),
      );
      return sortedForPeople(issues);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return [];
      throw new HttpProblem(
        503,
        `the issues could not be read (a worker answers): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  start(): void {
    // A tick while the last read is still in flight waits for the next one (reads do not pile up).
    const background = () => {
      this.reading ??= this.refresh()
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => (this.reading = undefined));
    };
    background();
    this.timer ??= setInterval(background, this.intervalMs);
    this.timer.unref();
  }

  /** Stops reading, once the read in flight has ended (it would call the client after its owner closed it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.reading;
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
