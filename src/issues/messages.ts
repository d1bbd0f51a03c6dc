// The issues workflow's messages and memo: shared by the workflow, the evaluation activity, the API and
// tests. Workflow-safe: types and Temporal definitions only.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Finding, Issue, IssueAuditEntry } from './kinds';
import type { ObservationReport, Observed } from './observed';

/** One evaluation's findings (everything the detectors see now) and when it was made (epoch ms). */
export interface Evaluation {
  at: number;
  findings: Finding[];
  /** How long an issue must go unseen before it resolves by itself. */
  resolveAfterMs: number;
}

export interface AcknowledgeRequest {
  id: string;
  actor: string;
}

export interface MuteRequest extends AcknowledgeRequest {
  /** Epoch ms; until then the issue counts but notifies nobody. */
  until: number;
}

/**
 * The memo key holding the `IssuesSummary` (counts, not issues): what the navigation and `/metrics` read with
 * a describe. (Runs before the summary kept every issue under `issues`: that key is no longer read.)
 */
export const ISSUES_MEMO = 'issuesSummary';

/** The failure type of an action on an issue that does not exist. */
export const UNKNOWN_ISSUE = 'UnknownIssue';

export const evaluatedSignal = defineSignal<[Evaluation]>('evaluated');
export const acknowledgeIssueUpdate = defineUpdate<Issue, [AcknowledgeRequest]>('acknowledgeIssue');
export const muteIssueUpdate = defineUpdate<Issue, [MuteRequest]>('muteIssue');
export const issuesQuery = defineQuery<Issue[]>('issues');
export const issuesAuditQuery = defineQuery<IssueAuditEntry[]>('issuesAudit');
/** What workers and APIs saw between evaluations (Lever 429s, refused callbacks, failing services). */
export const observedSignal = defineSignal<[ObservationReport]>('observed');
/** The reports kept (the last observation window), for the evaluation's detectors. */
export const observedQuery = defineQuery<Observed>('observed');

/** Carried across continue-as-new. */
export interface IssuesInput {
  issues?: Issue[];
  audit?: IssueAuditEntry[];
  observed?: Observed;
  /** The summary's revision, so readers see it move on across runs. */
  revision?: number;
}
