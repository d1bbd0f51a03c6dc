// One settings page per group, generated from the settings view: no page is written per integration. At
// the top whether the group is set up and what it misses; then its form (a control per field, by kind),
// its secrets (only whether each is set), and its admin actions (Wintro's "Sync").
import type { AuditEntry, GroupView } from '../../settings/view';
import type { FieldErrors } from '../field-errors';
import { html, type Html, type Interpolation } from '../html';
import { csrfField, page, type Frame } from '../layout';
import type { Choices } from '../lever-choices';
import { auditChanges } from './audit';
import { fieldBlock } from './fields';

export interface AdminButton {
  /** The button's text ("Sync"). */
  label: string;
  /** Where its form posts. */
  action: string;
}

export interface SettingsPageInput {
  group: GroupView;
  version: number;
  /** Values to show instead of the group's (what the person typed, when a change was refused). */
  values?: Record<string, unknown>;
  errors: FieldErrors;
  choices: Choices;
  /** The changes someone else made since the form was loaded (a refused stale save). */
  conflict?: AuditEntry[];
  /** Why nothing was saved (a refusal's message). */
  refusal?: string;
  adminButtons: AdminButton[];
}

export function groupState(group: GroupView): Html {
  const switched = group.integration
    ? html`<span class="badge ${group.enabled ? 'on' : 'off'}">${group.enabled ? 'Switched on' : 'Switched off'}</span>`
    : '';
  const setUp = html`<span class="badge ${group.setUp ? 'ok' : 'warn'}">${group.setUp ? 'set up' : 'not set up'}</span>`;
  const missing =
    group.missing.length > 0
      ? html`<ul class="missing" aria-label="Missing">
          ${group.missing.map((m) => html`<li>${m}</li>`)}
        </ul>`
      : '';
  return html`<div class="group-state">${switched} ${setUp}${missing}</div>`;
}

function secrets(group: GroupView): Interpolation {
  if (group.secrets.length === 0) return '';
  return html`<section aria-labelledby="secrets-heading">
    <h2 id="secrets-heading">Secrets</h2>
    <p class="muted">
      Secrets come only from the environment (or a <code>*_FILE</code>); the console shows whether each is set, never its value.
    </p>
    <table class="striped">
      <thead>
        <tr>
          <th scope="col">Secret</th>
          <th scope="col">Variable</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        ${group.secrets.map(
          (s) =>
            html`<tr>
              <td>${s.label}</td>
              <td><code>${s.env}</code></td>
              <td><span class="badge ${s.set ? 'ok' : 'warn'}">${s.set ? 'set' : 'not set'}</span></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function adminForms(frame: Frame, buttons: AdminButton[]): Interpolation {
  if (buttons.length === 0) return '';
  return html`<section aria-labelledby="run-heading">
    <h2 id="run-heading">Run now</h2>
    <div class="admin-buttons">
      ${buttons.map(
        (b) => html`<form method="post" action="${b.action}">${csrfField(frame.csrf)}<button type="submit">${b.label}</button></form>`,
      )}
    </div>
  </section>`;
}

function conflictNotice(changes: AuditEntry[]): Html {
  return html`<article class="notice warn" role="alert">
    <h2>Someone else changed these settings</h2>
    <p>
      Your change was not saved: the settings changed after you opened this page. Here is what changed; the form below shows the settings
      now. Make your change again and press Save.
    </p>
    ${auditChanges(changes)}
  </article>`;
}

export function settingsPage(frame: Frame, input: SettingsPageInput): Html {
  const { group, errors } = input;
  const values = input.values ?? {};
  // Fields first: each takes its own messages, and what none took is listed at the top.
  const fields = group.fields.map((f) => fieldBlock(f, f.name in values ? values[f.name] : f.value, input.choices, errors));
  const leftover = errors.unclaimed();
  // The hidden first Save: Enter in a text field presses the form's first submit button, which must be Save
  // rather than "Remove step" (it is hidden from sight and from assistive technology, not from the form).
  const problems =
    input.refusal || leftover.length > 0
      ? html`<div class="notice error" role="alert">
          <strong>${input.refusal ?? 'Not saved'}</strong>${
            leftover.length > 0
              ? html`<ul>
                  ${leftover.map((m) => html`<li>${m}</li>`)}
                </ul>`
              : ''
          }${errors.size > leftover.length ? html`<p>Each problem is shown beside its field.</p>` : ''}
        </div>`
      : '';
  return page(
    frame,
    html`${groupState(group)} ${input.conflict ? conflictNotice(input.conflict) : ''} ${problems}
      ${input.choices.problem ? html`<p class="notice warn">${input.choices.problem}</p>` : ''}
      <form method="post" action="/console/settings/${group.id}" class="settings-form" novalidate>
        ${csrfField(frame.csrf)}
        <input type="hidden" name="version" value="${input.version}" />
        <button type="submit" name="_action" value="save" class="implicit-submit" tabindex="-1" aria-hidden="true">Save</button>
        ${fields.length > 0 ? fields : html`<p class="muted">Nothing to set here.</p>`}
        <div class="form-actions"><button type="submit" name="_action" value="save">Save</button></div>
      </form>
      ${secrets(group)} ${adminForms(frame, input.adminButtons)}`,
  );
}
