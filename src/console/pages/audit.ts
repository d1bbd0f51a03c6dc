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

/** When an entry was made, readable and machine-readable. */
export const when = (at: number): Html => html`<time datetime="${new Date(at).toISOString()}">${formatTime(at)}</time>`;

/** A column an audit table adds after When, Who and Via. */
export interface AuditColumn<E> {
  heading: string;
  cell: (entry: E) => Html | string | number;
}

/** Audited changes, newest first: when, who, through what, then the page's own columns. */
export function auditTable<E extends { at: number; actor: string; via: string }>(entries: E[], columns: AuditColumn<E>[]): Html {
  if (entries.length === 0) return html`<p class="muted">No changes recorded.</p>`;
  return html`<div class="overflow-auto">
    <table class="striped audit">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Via</th>
          ${columns.map((column) => html`<th scope="col">${column.heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td>${when(e.at)}</td>
              <td>${e.actor}</td>
              <td>${e.via}</td>
              ${columns.map((column) => html`<td>${column.cell(e)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The changes of some settings entries as a compact table (the audit page, and a refused stale save). */
export function auditChanges(entries: AuditEntry[]): Html {
  return auditTable(entries, [
    { heading: 'Version', cell: (e) => e.version },
    {
      heading: 'Changes',
      cell: (e) =>
        html`<ul class="changes">
          ${e.changes.map(change)}
        </ul>`,
    },
  ]);
}

export function auditPage(frame: Frame, entries: AuditEntry[]): Html {
  return page(
    frame,
    html`<p class="muted">Every change of the settings, newest first.</p>
      ${auditChanges(entries)}`,
  );
}
