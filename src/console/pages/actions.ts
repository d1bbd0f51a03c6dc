// Things a person starts by hand: sync one opportunity now, and backfill an integration (preview first: a
// dry run that counts what each candidate would get, then the real run). A backfill's page follows its
// progress, reloading itself every 2 s until done (a meta refresh: no script).
import type { BulkProgress } from '../../opportunity/messages';
import type { FieldErrors } from '../field-errors';
import { attr, html, type Html } from '../html';
import { csrfField, page, type Frame } from '../layout';
import type { Choices } from '../lever-choices';
import { selectField, textField } from './form-fields';

export interface BackfillChoice {
  name: string;
  title: string;
  enabled: boolean;
}

export interface ActionsPageInput {
  integrations: BackfillChoice[];
  choices: Choices;
  errors: FieldErrors;
  /** What was typed, when a form is shown again. */
  typed: Record<string, string>;
}

export function actionsPage(frame: Frame, { integrations, choices, errors, typed: given }: ActionsPageInput): Html {
  // Unless the person chose, the first integration that is on.
  const typed: Record<string, string> = { integration: integrations.find((i) => i.enabled)?.name ?? '', ...given };
  const option = (value: string, text: string, field: string) =>
    html`<option value="${value}" ${attr('selected', typed[field] === value)}>${text}</option>`;
  return page(
    frame,
    html`<article aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync an opportunity</h2>
        <p class="muted">
          Looks at the opportunity again now and acts on its current state, whatever its age. Repeating it does nothing twice.
        </p>
        <form method="post" action="/console/actions/sync" novalidate>
          ${csrfField(frame.csrf)}
          ${textField('opportunity', 'Opportunity id or Lever URL', 'text', typed.opportunity ?? '', errors, 'For example https://hire.lever.co/candidates/<id>')}
          <button type="submit">Sync</button>
        </form>
      </article>
      <article aria-labelledby="backfill-heading">
        <h2 id="backfill-heading">Backfill</h2>
        <p class="muted">
          Looks at every matching opportunity in Lever for one integration. Preview first: it counts what each candidate would get without
          doing anything.
        </p>
        ${choices.problem ? html`<p class="notice warn">${choices.problem}</p>` : ''}
        <form method="post" action="/console/actions/backfill" novalidate>
          ${csrfField(frame.csrf)}
          <div class="grid">
            ${selectField(
              'integration',
              'Integration',
              integrations.map((i) => option(i.name, i.enabled ? i.title : `${i.title} (switched off)`, 'integration')),
              errors,
            )}
            ${selectField(
              'posting',
              'Posting',
              [option('', 'Any posting', 'posting'), ...choices.postings.map((p) => option(p.id, p.text, 'posting'))],
              errors,
            )}
          </div>
          <div class="grid">
            ${selectField('stage', 'Stage', [option('', 'Any stage', 'stage'), ...choices.stages.map((s) => option(s.id, s.text, 'stage'))], errors)}
            ${textField('appliedSince', 'Applied since', 'date', typed.appliedSince ?? '', errors, 'Optional: only candidates who applied on or after this day')}
          </div>
          ${(() => {
            const rest = errors.unclaimed();
            return rest.length > 0 ? html`<p role="alert" class="notice error">${rest.join('; ')}</p>` : '';
          })()}
          <div class="form-actions">
            <button type="submit" name="_action" value="preview" class="secondary">Preview</button>
            <button type="submit" name="_action" value="run">Run backfill</button>
          </div>
        </form>
      </article>`,
  );
}

export interface BackfillPageInput {
  workflowId: string;
  temporalUiUrl: string;
  /** undefined while no worker has answered yet. */
  progress: BulkProgress | undefined;
  /** Why the progress could not be read. */
  problem?: string;
}

function decisions(progress: BulkProgress): Html {
  const rows = Object.entries(progress.decisions).flatMap(([integration, byReason]) =>
    Object.entries(byReason).map(([reason, n]) => ({ integration, reason, n })),
  );
  if (rows.length === 0) return html`<p class="muted">No candidate counted yet.</p>`;
  return html`<table class="striped">
    <thead>
      <tr>
        <th scope="col">Integration</th>
        <th scope="col">Decision and reason</th>
        <th scope="col">Candidates</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <td>${r.integration}</td>
            <td>${r.reason}</td>
            <td>${r.n}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function backfillPage(frame: Frame, { workflowId, temporalUiUrl, progress, problem }: BackfillPageInput): Html {
  const done = progress?.done ?? false;
  const dryRun = progress?.dryRun ?? workflowId.endsWith('/dry-run');
  const value = dryRun ? progress?.listed : progress?.triggered;
  return page(
    { ...frame, ...(done ? {} : { refreshSeconds: 2 }) },
    html`<p><code>${workflowId}</code> · <a href="${temporalUiUrl}" rel="noreferrer">Open in the Temporal UI</a></p>
      ${problem ? html`<p class="notice warn">${problem}</p>` : ''}
      <article>
        ${
          progress
            ? html`<p class="${done ? 'done' : ''}">
                  ${done ? (dryRun ? 'Preview done.' : 'Backfill done.') : dryRun ? 'Counting...' : 'Running...'}
                </p>
                <progress
                  aria-label="${dryRun ? 'Preview progress' : 'Backfill progress'}"
                  ${
                    done
                      ? html` value="1" max="1"`
                      : value !== undefined && progress.listed > 0
                        ? html` value="${value}" max="${progress.listed}"`
                        : ''
                  }
                ></progress>
                <dl class="counts">
                  <dt>Listed</dt>
                  <dd>${progress.listed}</dd>
                  <dt>Triggered</dt>
                  <dd>${progress.triggered}</dd>
                  <dt>Pages</dt>
                  <dd>${progress.pages}</dd>
                </dl>
                ${
                  dryRun
                    ? html`<h2>What each candidate would get</h2>
                        ${decisions(progress)}`
                    : ''
                }`
            : html`<p aria-busy="true">Waiting for a worker to report progress...</p>
                <progress aria-label="Backfill progress"></progress>`
        }
      </article>
      <p><a href="/console/actions">Back to actions</a></p>`,
  );
}
