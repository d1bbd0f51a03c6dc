// What an issue is: a problem that needs a person, found by a detector from measured facts, kept by the
// issues workflow (open -> resolved by itself -> reopened; acknowledged or muted by a person). Shared by the
// workflow, the API, the console and tests. Workflow-safe: types and constants only.

export const ISSUE_KINDS = [
  'lever-key-invalid',
  'lever-key-forbidden',
  'lever-key-confidential',
  'lever-webhook-missing',
  'partner-auth',
  'lever-refused',
  'sweep-stalled',
  'sweep-paused',
  'no-pollers',
  'lever-backlog',
  'settings-stale',
  'lever-rate-limited',
  'callback-signatures',
  'service-failing',
] as const;

export type IssueKind = (typeof ISSUE_KINDS)[number];

export type IssueState = 'open' | 'acknowledged' | 'muted' | 'resolved';

/** The thing an issue is about: a stage, posting or user (id and name), a webhook event, a partner, a task queue. */
export interface IssueSubject {
  type: 'stage' | 'posting' | 'user' | 'webhook' | 'partner' | 'service' | 'task-queue' | 'schedule' | 'lever-key' | 'setting';
  id: string;
  name?: string;
}

/** What one detector found in one evaluation. `id` is stable while the condition lasts (kind + subject). */
export interface Finding {
  id: string;
  kind: IssueKind;
  /** The integration it concerns, when one (`willo`, `hrlogics`...). */
  integration?: string;
  title: string;
  /** What a person should do about it. */
  fix: string;
  subject?: IssueSubject;
  /** Up to 10 examples: opportunity ids, workflow ids. */
  examples?: string[];
  /** Links for a person: the Temporal UI, Lever. */
  links?: { text: string; href: string }[];
}

export interface Issue extends Omit<Finding, 'examples'> {
  state: IssueState;
  /** Epoch ms: when it was first seen, last seen (in an evaluation), last opened and last resolved. */
  firstSeen: number;
  lastSeen: number;
  openedAt: number;
  resolvedAt?: number;
  /** Evaluations in which the condition was seen since it was first seen. */
  count: number;
  examples: string[];
  acknowledged?: { by: string; at: number };
  muted?: { by: string; at: number; until: number };
}

/** A change a notification is sent for. */
export type IssueChange = 'opened' | 'reopened' | 'resolved';

export interface IssueTransition {
  change: IssueChange;
  issue: Issue;
}

/** A person's action on an issue, as the audit keeps it. */
export interface IssueAuditEntry {
  at: number;
  actor: string;
  action: 'acknowledge' | 'mute';
  issueId: string;
  until?: number;
}

export const EXAMPLES_LIMIT = 10;

/**
 * What the issues workflow's memo holds: counts only, so the memo stays a few hundred bytes however many
 * issues there are (Temporal warns above 2 KB of memo and fails the workflow task above 32 KB). Every API
 * reads it with a describe every 2 s (the navigation's count, `relay_issues_open`); the issues themselves
 * come from the `issues` query when a page or `/admin/issues` asks.
 */
export interface IssuesSummary {
  /** Moves whenever the counts below change. */
  revision: number;
  /** Issues kept, resolved ones included. */
  total: number;
  /** Issues not resolved (open, acknowledged or muted), by kind; kinds with none are left out. */
  unresolved: Partial<Record<IssueKind, number>>;
}
