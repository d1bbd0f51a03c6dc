// The notification of an issue's change: a JSON POST signed as Standard Webhooks sign (webhook-id,
// webhook-timestamp, webhook-signature), carrying the issue as `GET /admin/issues` shows it and a
// Slack-style `text`, so an incoming-webhook URL of a chat tool shows something readable.
import { Webhook } from 'standardwebhooks';
import type { IssueTransition } from './kinds';
import type { IssueView } from './view';
import { issueView } from './view';

export interface IssueNotification {
  type: `issue.${IssueTransition['change']}`;
  text: string;
  issue: IssueView;
}

const VERB: Record<IssueTransition['change'], string> = { opened: 'Opened', reopened: 'Reopened', resolved: 'Resolved' };

export function notificationOf(transition: IssueTransition): IssueNotification {
  const { issue, change } = transition;
  const text =
    change === 'resolved'
      ? `:white_check_mark: ${VERB[change]}: ${issue.title}`
      : `:rotating_light: ${VERB[change]}: ${issue.title}\nFix: ${issue.fix}`;
  return { type: `issue.${change}`, text, issue: issueView(issue) };
}

/** Headers and body of the signed POST; the id is stable per issue change, so a receiver can drop a retry it already has. */
export function signedNotification(
  transition: IssueTransition,
  secret: string,
  now = new Date(),
): { id: string; body: string; headers: Record<string, string> } {
  const { issue, change } = transition;
  const at = change === 'resolved' ? issue.resolvedAt : issue.openedAt;
  const id = `issue_${issue.id}_${change}_${at ?? 0}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  const body = JSON.stringify(notificationOf(transition));
  const signature = new Webhook(secret).sign(id, now, body);
  return {
    id,
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1_000)),
      'webhook-signature': signature,
    },
  };
}
