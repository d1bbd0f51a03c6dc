// The Issues page: what needs a person, open first, each with its fix, what it concerns, its examples and
// links into the Temporal UI and Lever, and two actions: "Acknowledge" and "Mute" until a time.
import type { Issue } from '../../issues/kinds';
import { html, type Html } from '../html';
import { csrfField, page, type Frame } from '../layout';
import { formatTime } from './audit';

const STATE_TEXT: Record<Issue['state'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  muted: 'Muted',
  resolved: 'Resolved',
};

function actions(issue: Issue, csrf: string): Html {
  if (issue.state === 'resolved') return html``;
  const path = `/console/issues/${encodeURIComponent(issue.id)}`;
  return html`<div class="issue-actions">
    ${
      issue.state === 'open'
        ? html`<form method="post" action="${path}/acknowledge">
            ${csrfField(csrf)}<button type="submit" class="secondary" aria-label="Acknowledge: ${issue.title}">Acknowledge</button>
          </form>`
        : ''
    }
    <form method="post" action="${path}/mute" class="mute">
      ${csrfField(csrf)}
      <label
        >Mute for
        <select name="for" aria-label="Mute for how long: ${issue.title}">
          <option value="1h">1 hour</option>
          <option value="8h">8 hours</option>
          <option value="1d" selected>1 day</option>
          <option value="7d">7 days</option>
        </select></label
      >
      <button type="submit" class="secondary outline" aria-label="Mute: ${issue.title}">Mute</button>
    </form>
  </div>`;
}

function card(issue: Issue, csrf: string): Html {
  return html`<article class="issue issue-${issue.state}" aria-labelledby="issue-${issue.id}">
    <header>
      <strong id="issue-${issue.id}">${issue.title}</strong>
      <span class="issue-state">${STATE_TEXT[issue.state]}</span>
    </header>
    <p><strong>Fix:</strong> ${issue.fix}</p>
    <dl class="issue-facts">
      <dt>Kind</dt>
      <dd>${issue.kind}${issue.integration ? html` (${issue.integration})` : ''}</dd>
      ${
        issue.subject
          ? html`<dt>Concerns</dt>
              <dd>
                ${issue.subject.type}
                ${issue.subject.name ?? issue.subject.id}${issue.subject.name && issue.subject.name !== issue.subject.id ? html` (${issue.subject.id})` : ''}
              </dd>`
          : ''
      }
      <dt>Seen</dt>
      <dd>${issue.count} time${issue.count === 1 ? '' : 's'}, first ${formatTime(issue.firstSeen)}, last ${formatTime(issue.lastSeen)}</dd>
      ${
        issue.resolvedAt !== undefined
          ? html`<dt>Resolved</dt>
              <dd>${formatTime(issue.resolvedAt)}</dd>`
          : ''
      }
      ${
        issue.acknowledged
          ? html`<dt>Acknowledged</dt>
              <dd>by ${issue.acknowledged.by}, ${formatTime(issue.acknowledged.at)}</dd>`
          : ''
      }
      ${
        issue.muted && issue.state === 'muted'
          ? html`<dt>Muted</dt>
              <dd>by ${issue.muted.by} until ${formatTime(issue.muted.until)}</dd>`
          : ''
      }
      ${
        issue.examples.length > 0
          ? html`<dt>Examples</dt>
              <dd>${issue.examples.join(', ')}</dd>`
          : ''
      }
    </dl>
    ${
      (issue.links ?? []).length > 0
        ? html`<ul class="issue-links">
            ${(issue.links ?? []).map((l) => html`<li><a href="${l.href}" rel="noreferrer">${l.text}</a></li>`)}
          </ul>`
        : ''
    }
    ${actions(issue, csrf)}
  </article>`;
}

export function issuesPage(frame: Frame, issues: Issue[] | undefined): Html {
  if (issues === undefined)
    return page(
      frame,
      html`<p role="alert">
        The issues cannot be read right now: a worker answers for them, and none did (${frame.issues ?? 0} not resolved, as the summary last
        read says).
      </p>`,
    );
  if (issues.length === 0) return page(frame, html`<p>No issues: nothing needs a person.</p>`);
  return page(frame, html`${issues.map((issue) => card(issue, frame.csrf))}`);
}
