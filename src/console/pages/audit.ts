// The audit log: every accepted change of the settings, newest first: when, who, through what, and each
// field's old -> new value.
import type { AuditEntry, FieldChange } from '../../settings/view';
import { html, type Html } from '../html';
import { page, type Frame } from '../layout';

/** A value as a person reads it: lists joined, nothing shown as "not set". */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not set';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length === 0 ? 'none' : value.join(', ');
  return JSON.stringify(value);
}

export function formatTime(at: number): string {
  return new Date(at)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

function change(c: FieldChange): Html {
  return html`<li>
    <span class="field-name">${c.group}.${c.field}</span>: <del>${showValue(c.old)}</del> → <ins>${showValue(c.new)}</ins>
  </li>`;
}

/** The changes of some entries as a compact table (the audit page, and a refused stale save). */
export function auditChanges(entries: AuditEntry[]): Html {
  if (entries.length === 0) return html`<p class="muted">No changes recorded.</p>`;
  return html`<div class="overflow-auto">
    <table class="striped audit">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Via</th>
          <th scope="col">Version</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td><time datetime="${new Date(e.at).toISOString()}">${formatTime(e.at)}</time></td>
              <td>${e.actor}</td>
              <td>${e.via}</td>
              <td>${e.version}</td>
              <td>
                <ul class="changes">
                  ${e.changes.map(change)}
                </ul>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function auditPage(frame: Frame, entries: AuditEntry[]): Html {
  return page(
    frame,
    html`<p class="muted">Every change of the settings, newest first.</p>
      ${auditChanges(entries)}`,
  );
}
