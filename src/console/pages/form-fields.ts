// The plain controls of the console's own forms (the Actions and API tokens pages): a labelled text, date or
// number input or select, with its help and its error messages beside it.
import type { FieldErrors } from '../field-errors';
import { html, type Html } from '../html';
import { describedBy, inputId } from './field-ids';

export function textField(name: string, label: string, type: string, value: string, errors: FieldErrors, help?: string): Html {
  const { attrs, lines } = describedBy(name, help, errors.take(name));
  return html`<div class="field">
    <label for="${inputId(name)}">${label}</label
    ><input type="${type}" id="${inputId(name)}" name="${name}" value="${value}" ${attrs} />${lines}
  </div>`;
}

export function selectField(name: string, label: string, options: Html[], errors: FieldErrors): Html {
  const { attrs, lines } = describedBy(name, undefined, errors.take(name));
  return html`<div class="field">
    <label for="${inputId(name)}">${label}</label
    ><select id="${inputId(name)}" name="${name}" ${attrs}>
      ${options}</select
    >${lines}
  </div>`;
}
