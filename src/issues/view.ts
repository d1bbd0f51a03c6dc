// An issue as people and scripts read it (`GET /admin/issues`, the notifications): times as ISO strings.
import type { Issue, IssueKind, IssueState, IssueSubject } from './kinds';

export interface IssueView {
  id: string;
  kind: IssueKind;
  integration?: string;
  state: IssueState;
  title: string;
  fix: string;
  subject?: IssueSubject;
  firstSeen: string;
  lastSeen: string;
  openedAt: string;
  resolvedAt?: string;
  count: number;
  examples: string[];
  links: { text: string; href: string }[];
  acknowledged?: { by: string; at: string };
  muted?: { by: string; at: string; until: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function issueView(issue: Issue): IssueView {
  return {
    id: issue.id,
    kind: issue.kind,
    ...(issue.integration ? { integration: issue.integration } : {}),
    state: issue.state,
    title: issue.title,
    fix: issue.fix,
    ...(issue.subject ? { subject: issue.subject } : {}),
    firstSeen: iso(issue.firstSeen),
    lastSeen: iso(issue.lastSeen),
    openedAt: iso(issue.openedAt),
    ...(issue.resolvedAt !== undefined ? { resolvedAt: iso(issue.resolvedAt) } : {}),
    count: issue.count,
    examples: issue.examples,
    links: issue.links ?? [],
    ...(issue.acknowledged ? { acknowledged: { by: issue.acknowledged.by, at: iso(issue.acknowledged.at) } } : {}),
    ...(issue.muted ? { muted: { by: issue.muted.by, at: iso(issue.muted.at), until: iso(issue.muted.until) } } : {}),
  };
}
