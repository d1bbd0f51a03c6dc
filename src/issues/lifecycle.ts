// How issues move, as pure functions of the issues held and one evaluation (what the detectors see now):
// a finding with no issue opens one; a finding for a resolved issue reopens it (a person's acknowledgement
// is cleared, a mute still in force is kept); an issue not seen for `resolveAfterMs` resolves. Workflow-safe.
import { EXAMPLES_LIMIT, type Finding, type Issue, type IssuesSummary, type IssueState, type IssueTransition } from './kinds';

/** Resolved issues are kept this long (for the console's list), then forgotten. */
export const RESOLVED_KEPT_MS = 7 * 24 * 3_600_000;

/** The state an issue is in at `now` (a mute ends by itself). */
export function stateAt(issue: Issue, now: number): IssueState {
  if (issue.resolvedAt !== undefined) return 'resolved';
  if (issue.muted && issue.muted.until > now) return 'muted';
  if (issue.acknowledged) return 'acknowledged';
  return 'open';
}

/** Whether a change of this issue notifies anyone: a muted issue notifies nobody. */
export function notifies(issue: Issue, now: number): boolean {
  return !(issue.muted && issue.muted.until > now);
}

function mergedExamples(previous: string[], found: string[] | undefined): string[] {
  const merged = [...(found ?? []), ...previous.filter((example) => !(found ?? []).includes(example))];
  return merged.slice(0, EXAMPLES_LIMIT);
}

function fromFinding(finding: Finding, at: number): Issue {
  const { examples, ...rest } = finding;
  return {
    ...rest,
    state: 'open',
    firstSeen: at,
    lastSeen: at,
    openedAt: at,
    count: 1,
    examples: (examples ?? []).slice(0, EXAMPLES_LIMIT),
  };
}

export function applyEvaluation(
  issues: Issue[],
  evaluation: { at: number; findings: Finding[]; resolveAfterMs: number },
): { issues: Issue[]; transitions: IssueTransition[] } {
  const { at, findings, resolveAfterMs } = evaluation;
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const transitions: IssueTransition[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.id)) continue;
    seen.add(finding.id);
    const previous = byId.get(finding.id);
    if (!previous) {
      const opened = fromFinding(finding, at);
      byId.set(opened.id, opened);
      transitions.push({ change: 'opened', issue: opened });
      continue;
    }
    const { examples, ...rest } = finding;
    const reopening = previous.resolvedAt !== undefined;
    const next: Issue = {
      ...previous,
      ...rest,
      lastSeen: at,
      count: previous.count + 1,
      examples: mergedExamples(previous.examples, examples),
      ...(reopening ? { openedAt: at, resolvedAt: undefined, acknowledged: undefined } : {}),
    };
    if (reopening) {
      delete next.resolvedAt;
      delete next.acknowledged;
    }
    byId.set(next.id, next);
    if (reopening) transitions.push({ change: 'reopened', issue: next });
  }
  for (const [id, issue] of byId) {
    if (seen.has(id)) continue;
    if (issue.resolvedAt === undefined && at - issue.lastSeen >= resolveAfterMs) {
      const resolved: Issue = { ...issue, resolvedAt: at };
      byId.set(id, resolved);
      transitions.push({ change: 'resolved', issue: resolved });
    } else if (issue.resolvedAt !== undefined && at - issue.resolvedAt > RESOLVED_KEPT_MS) {
      byId.delete(id);
    }
  }
  const next = [...byId.values()].map((issue) => ({ ...issue, state: stateAt(issue, at) }));
  return {
    issues: next,
    transitions: transitions.map((t) => ({ change: t.change, issue: { ...t.issue, state: stateAt(t.issue, at) } })),
  };
}

/** Open first (newest first), then acknowledged and muted, then resolved. */
export function sortedForPeople(issues: Issue[]): Issue[] {
  const rank: Record<IssueState, number> = { open: 0, acknowledged: 1, muted: 2, resolved: 3 };
  return issues.slice().sort((a, b) => rank[a.state] - rank[b.state] || b.lastSeen - a.lastSeen);
}

/** The memo's summary of the issues: counts of those not resolved, by kind. */
export function summaryOf(issues: Issue[], revision: number): IssuesSummary {
  const unresolved: IssuesSummary['unresolved'] = {};
  for (const issue of issues) if (issue.state !== 'resolved') unresolved[issue.kind] = (unresolved[issue.kind] ?? 0) + 1;
  return { revision, total: issues.length, unresolved };
}
