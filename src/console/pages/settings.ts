// One settings page per group, generated from the settings view: no page is written per integration. At
// the top whether the group is set up and what it misses; then its form (a control per field, by kind),
// its secrets (only whether each is set), and its admin actions (Wintro's "Sync").
import type { AuditEntry, FieldView, GroupView } from '../../settings/view';
import type { FieldErrors } from '../field-errors';
import { html, type Html, type Interpolation } from '../html';
import { csrfField, page, type Frame } from '../layout';
import type { Choices } from '../lever-choices';
import { auditChanges } from './audit';
import { fieldBlock, inputId } from './fields';

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
  return html`<article aria-labelledby="secrets-heading">
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
  </article>`;
}

function adminForms(frame: Frame, buttons: AdminButton[]): Interpolation {
  if (buttons.length === 0) return '';
  return html`<article aria-labelledby="run-heading">
    <h2 id="run-heading">Run now</h2>
    <div class="admin-buttons">
      ${buttons.map(
        (b) => html`<form method="post" action="${b.action}">${csrfField(frame.csrf)}<button type="submit">${b.label}</button></form>`,
      )}
    </div>
  </article>`;
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

/** The field a problem's path is about: `rules[0].postings` is about `rules`. */
function fieldOf(group: GroupView, path: string): FieldView | undefined {
  return group.fields.find((f) => path === f.name || path.startsWith(`${f.name}[`) || path.startsWith(`${f.name}.`));
}

/** At the top of a refused form: each problem with the field it is about, linked to its control. */
function errorSummary(group: GroupView, title: string, errors: FieldErrors): Html {
  const items = errors.all().map(({ field: path, message }) => {
    const field = fieldOf(group, path);
    if (!field) return html`<li>${path}: ${message}</li>`;
    const detail = path === field.name ? '' : ` (${path.slice(field.name.length).replace(/^\./, '')})`;
    // An item of a list (`triggerStages[1]`) has no control of its own: link to the list's.
    const target = inputId(path.replace(/\[\d+\]$/, '').replace(/^(.*\.postings)\[\d+\]$/, '$1'));
    return html`<li><a href="#${target}">${field.label}${detail}</a>: ${message}</li>`;
  });
  return html`<div class="notice error error-summary" role="alert">
    <strong>${title}</strong>
    ${
      items.length > 0
        ? html`<ul>
            ${items}
          </ul>`
        : ''
    }
  </div>`;
}

export function settingsPage(frame: Frame, input: SettingsPageInput): Html {
  const { group, errors } = input;
  const values = input.values ?? {};
  // Fields first: each takes its own messages, and what none took is listed at the top.
  const fields = group.fields.map((f) => fieldBlock(f, f.name in values ? values[f.name] : f.value, input.choices, errors));
  errors.unclaimed();
  // The hidden first Save: Enter in a text field presses the form's first submit button, which must be Save
  // rather than "Remove step" (it is hidden from sight and from assistive technology, not from the form).
  const problems = input.refusal || errors.size > 0 ? errorSummary(group, input.refusal ?? 'Not saved', errors) : '';
  return page(
    frame,
    html`${groupState(group)} ${input.conflict ? conflictNotice(input.conflict) : ''} ${problems}
      ${input.choices.problem ? html`<p class="notice warn">${input.choices.problem}</p>` : ''}
      <article>
        <form method="post" action="/console/settings/${group.id}" class="settings-form" novalidate>
          ${csrfField(frame.csrf)}
          <input type="hidden" name="version" value="${input.version}" />
          <button type="submit" name="_action" value="save" class="implicit-submit" tabindex="-1" aria-hidden="true">Save</button>
          ${fields.length > 0 ? fields : html`<p class="muted">Nothing to set here.</p>`}
          <div class="form-actions"><button type="submit" name="_action" value="save">Save</button></div>
        </form>
      </article>
      ${secrets(group)} ${adminForms(frame, input.adminButtons)}`,
  );
}
