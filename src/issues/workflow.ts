// `relay-issues/<task queue>`: every issue of a deployment, kept by Temporal like the settings. An entity
// workflow that never ends: each evaluation (a signal from the scheduled evaluation, every
// ISSUES_EVALUATION_INTERVAL) opens, reopens and resolves issues; a person acknowledges or mutes one with
// an Update (audited, with the actor). Each open, reopen and resolve of an issue that is not muted is
// notified by an activity retried until the receiver accepts it. The memo holds a summary (counts by kind),
// which every API reads with a describe (the navigation's count, `relay_issues_open`); the issues themselves
// are answered by the `issues` query (the console's page, `/admin/issues`), so the memo stays small however
// many issues there are. Workers and APIs send `observed` reports, kept for the evaluation's detectors.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  makeContinueAsNewFunc,
  proxyActivities,
  setHandler,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import { PATIENT_RETRY } from '../temporal/retry';
import type { IssueActivities } from './activities';
import type { Issue, IssueAuditEntry, IssuesSummary, IssueTransition } from './kinds';
import { applyEvaluation, notifies, stateAt, summaryOf } from './lifecycle';
import {
  acknowledgeIssueUpdate,
  evaluatedSignal,
  issuesAuditQuery,
  issuesQuery,
  ISSUES_MEMO,
  muteIssueUpdate,
  observedQuery,
  observedSignal,
  UNKNOWN_ISSUE,
  type IssuesInput,
} from './messages';
import { NOTHING_OBSERVED, recordReport } from './observed';

/** Signals per run before continuing as new (an evaluation is a signal, maybe a memo upsert and notifications; a report a signal). */
const SIGNALS_PER_RUN = 500;
const AUDIT_LIMIT = 1_000;

export async function relayIssues(input: IssuesInput = {}): Promise<void> {
  let issues: Issue[] = input.issues ?? [];
  const audit: IssueAuditEntry[] = input.audit ?? [];
  let observed = input.observed ?? NOTHING_OBSERVED;
  const pending: IssueTransition[] = [];
  let signals = 0;
  const { notifyIssue } = proxyActivities<IssueActivities>({ startToCloseTimeout: '30s', retry: PATIENT_RETRY });

  let summary: IssuesSummary = summaryOf(issues, input.revision ?? 0);
  upsertMemo({ [ISSUES_MEMO]: summary });
  /** The memo again when its counts changed (not for each evaluation that sees an issue again: one upsert less each). */
  const publish = () => {
    const next = summaryOf(issues, summary.revision + 1);
    if (next.total === summary.total && JSON.stringify(next.unresolved) === JSON.stringify(summary.unresolved)) return;
    summary = next;
    upsertMemo({ [ISSUES_MEMO]: summary });
  };
  setHandler(issuesQuery, () => issues);
  setHandler(issuesAuditQuery, () => audit.slice().reverse());
  setHandler(observedQuery, () => observed);
  setHandler(observedSignal, (report) => {
    observed = recordReport(observed, report);
    signals += 1;
  });
  setHandler(evaluatedSignal, (evaluation) => {
    const result = applyEvaluation(issues, evaluation);
    issues = result.issues;
    for (const transition of result.transitions) if (notifies(transition.issue, evaluation.at)) pending.push(transition);
    signals += 1;
    publish();
  });

  const known = (id: string) => {
    if (!issues.some((issue) => issue.id === id))
      throw ApplicationFailure.create({ type: UNKNOWN_ISSUE, message: `no issue ${id}`, nonRetryable: true });
  };
  /** A person's change to one issue, recorded in the audit and published. */
  const change = (id: string, entry: IssueAuditEntry, apply: (issue: Issue) => Issue): Issue => {
    const now = Date.now();
    issues = issues.map((issue) => {
      if (issue.id !== id) return issue;
      const changed = apply(issue);
      return { ...changed, state: stateAt(changed, now) };
    });
    audit.push(entry);
    if (audit.length > AUDIT_LIMIT) audit.splice(0, audit.length - AUDIT_LIMIT);
    publish();
    return issues.find((issue) => issue.id === id)!;
  };
  setHandler(
    acknowledgeIssueUpdate,
    ({ id, actor }) =>
      change(id, { at: Date.now(), actor, action: 'acknowledge', issueId: id }, (issue) => ({
        ...issue,
        acknowledged: { by: actor, at: Date.now() },
      })),
    { validator: ({ id }) => known(id) },
  );
  setHandler(
    muteIssueUpdate,
    ({ id, actor, until }) =>
      change(id, { at: Date.now(), actor, action: 'mute', issueId: id, until }, (issue) => ({
        ...issue,
        muted: { by: actor, at: Date.now(), until },
      })),
    {
      validator: ({ id, until }) => {
        known(id);
        if (!Number.isFinite(until) || until <= Date.now())
          throw ApplicationFailure.create({ type: UNKNOWN_ISSUE, message: 'until must be in the future', nonRetryable: true });
      },
    },
  );

  for (;;) {
    await condition(() => pending.length > 0 || signals >= SIGNALS_PER_RUN || workflowInfo().continueAsNewSuggested);
    const next = pending.shift();
    if (next) {
      // Retried until the receiver accepts it; a refusal that retrying cannot change (a 4xx: a wrong URL
      // or secret) drops this notification rather than the workflow: the issue itself stays in the console.
      await notifyIssue(next).catch(() => undefined);
      continue;
    }
    await condition(allHandlersFinished);
    await makeContinueAsNewFunc<typeof relayIssues>({ memo: { [ISSUES_MEMO]: summary } })({
      issues,
      audit,
      observed,
      revision: summary.revision,
    });
  }
}
