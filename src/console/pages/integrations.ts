// The integrations at a glance: per integration whether it is on and set up (and what it misses), its
// running processes by status, a link to them in the Temporal UI, and its health from the doctor's checks
// with the fix for each failure.
import type { CheckResult } from '../../doctor/check';
import type { GroupView } from '../../settings/view';
import type { HealthSnapshot } from '../health';
import { html, type Html } from '../html';
import { page, type Frame } from '../layout';
import { LISTED_AT_MOST, type ProcessCounts } from '../process-counts';
import { formatTime } from './audit';
import { groupState } from './settings';

export interface IntegrationCard {
  group: GroupView;
  counts: ProcessCounts;
  temporalUiUrl: string;
  /** Its checks; undefined while the first run of the checks has not ended. */
  checks: CheckResult[] | undefined;
}

export function checkList(checks: CheckResult[] | undefined, empty: string): Html {
  if (checks === undefined) return html`<p class="muted" aria-busy="true">checking...</p>`;
  if (checks.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="checks">
    ${checks.map(
      (c) =>
        html`<li class="${c.ok ? 'ok' : 'fail'}">
          <span class="badge ${c.ok ? 'ok' : 'fail'}">${c.ok ? 'ok' : 'failing'}</span> <strong>${c.name}</strong>:
          ${c.detail}${!c.ok && c.fix ? html`<br /><small class="fix">Fix: ${c.fix}</small>` : ''}
        </li>`,
    )}
  </ul>`;
}

function counts(c: ProcessCounts): Html {
  if (c.error) return html`<p class="muted">Counts unavailable: ${c.error}</p>`;
  const byStatus = Object.entries(c.byStatus ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return html`<p><strong>${c.running}</strong> running</p>
    ${
      byStatus.length > 0
        ? html`<ul class="status-counts">
            ${byStatus.map(([status, n]) => html`<li><span class="status-name">${status}</span> <strong>${n}</strong></li>`)}
          </ul>`
        : ''
    }
    ${c.partial ? html`<p class="muted"><small>By status: the first ${LISTED_AT_MOST} running.</small></p>` : ''}`;
}

function card(c: IntegrationCard): Html {
  const failing = c.checks?.filter((r) => !r.ok).length ?? 0;
  return html`<article class="integration" aria-labelledby="integration-${c.group.id}">
    <header class="card-header">
      <h2 id="integration-${c.group.id}">${c.group.title}</h2>
      <a href="/console/settings/${c.group.id}">Settings</a>
    </header>
    ${groupState(c.group)}
    <div class="grid">
      <section aria-label="Processes">
        <h3>Processes</h3>
        ${counts(c.counts)}
        <p><a href="${c.temporalUiUrl}" rel="noreferrer">Open in the Temporal UI</a></p>
      </section>
      <section aria-label="Health">
        <h3>
          Health
          ${c.checks && c.group.enabled ? html`<span class="badge ${failing === 0 ? 'ok' : 'fail'}">${failing === 0 ? 'healthy' : `${failing} failing`}</span>` : ''}
        </h3>
        ${c.group.enabled ? checkList(c.checks, 'No checks for this integration.') : html`<p class="muted">Switched off: not checked.</p>`}
      </section>
    </div>
  </article>`;
}

export function integrationsPage(
  frame: Frame,
  cards: IntegrationCard[],
  health: HealthSnapshot | undefined,
  relay: CheckResult[] | undefined,
): Html {
  return page(
    frame,
    html`<p class="muted">
        ${
          health
            ? html`Health checked at ${formatTime(health.at)}${health.error ? html` (the last run failed: ${health.error})` : ''}; checks
              run again every minute while someone looks.`
            : 'The health checks are running; reload in a moment.'
        }
      </p>
      ${cards.map(card)}
      <article class="integration" aria-labelledby="relay-heading">
        <header class="card-header">
          <h2 id="relay-heading">The relay</h2>
          <a href="/console/lever">Lever</a>
        </header>
        ${checkList(relay, 'No checks yet.')}
      </article>`,
  );
}
