// One control per field kind, each with its `<label for>` (the accessible name tests and screen readers
// use), its help, its error beside it, and its lock: a field the environment sets is shown disabled with
// "set by NAME".
import type { FieldView } from '../../settings/view';
import type { FieldErrors } from '../field-errors';
import { attr, html, type Html } from '../html';
import { matchesChoice, type Choices } from '../lever-choices';
import type { LeverChoice } from '../deps';
import { describedBy, inputId, MULTIPLE_HINT } from './field-ids';
import { reftyRulesEditor } from './refty-rules';

export { describedBy, inputId, MULTIPLE_HINT } from './field-ids';

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const asString = (value: unknown): string => (value === null || value === undefined ? '' : String(value as string));

/** Options from a Lever list; a value in force that the list lacks stays, marked, so saving never drops it. */
function choiceOptions(choices: LeverChoice[], chosen: string[], valueOf: (c: LeverChoice) => string = (c) => c.id): Html[] {
  const options = choices.map(
    (c) =>
      html`<option
        value="${valueOf(c)}"
        ${attr(
          'selected',
          chosen.some((v) => v === valueOf(c) || matchesChoice(c, v)),
        )}
      >
        ${c.text}
      </option>`,
  );
  const unknown = chosen.filter((v) => v && !choices.some((c) => v === valueOf(c) || matchesChoice(c, v)));
  return [...options, ...unknown.map((v) => html`<option value="${v}" selected>${v} (not in Lever's list)</option>`)];
}

function control(field: FieldView, value: unknown, choices: Choices, disabled: boolean, aria: Html, errors: FieldErrors): Html {
  const id = inputId(field.name);
  const off = attr('disabled', disabled);
  const kind = field.kind;
  switch (kind.kind) {
    case 'boolean':
      // The label wraps the checkbox (Pico's layout) and also names it with `for`.
      return html`<label for="${id}" class="checkbox-label"
        ><input type="checkbox" id="${id}" name="${field.name}" value="true" ${attr('checked', value === true)}${off}${aria} />
        ${field.label}</label
      >`;
    case 'integer':
      return html`<input
        type="number"
        id="${id}"
        name="${field.name}"
        min="${kind.min}"
        max="${kind.max}"
        step="1"
        value="${asString(value)}"
        ${off}${aria}
      />`;
    case 'textList':
      return html`<textarea id="${id}" name="${field.name}" rows="4" ${off}${aria}>${asStrings(value).join('\n')}</textarea>`;
    case 'choice':
      return html`<select id="${id}" name="${field.name}" ${off}${aria}>
        ${kind.options.map((o) => html`<option value="${o}" ${attr('selected', value === o)}>${o}</option>`)}
      </select>`;
    case 'stages':
      return html`<select multiple size="${Math.min(8, Math.max(4, choices.stages.length))}" id="${id}" name="${field.name}" ${off}${aria}>
        ${choiceOptions(choices.stages, asStrings(value))}
      </select>`;
    case 'stage':
      return html`<select id="${id}" name="${field.name}" ${off}${aria}>
        <option value="">Choose a stage</option>
        ${choiceOptions(choices.stages, [asString(value)])}
      </select>`;
    case 'user': {
      const chosen = asString(value);
      // Names can repeat; the email tells people apart (and is what is stored).
      const users = choices.users
        .filter((u) => !u.deactivated || u.email === chosen)
        .map((u) => ({ ...u, text: `${u.text} (${u.email})${u.deactivated ? ', deactivated' : ''}` }));
      return html`<select id="${id}" name="${field.name}" ${off}${aria}>
        <option value="">Choose a Lever user</option>
        ${choiceOptions(users, [chosen], (c) => (c as (typeof users)[number]).email)}
      </select>`;
    }
    case 'reftyRules':
      return reftyRulesEditor(field.name, value, choices, disabled, errors);
    case 'text':
    case 'duration':
    case 'durationOrOff':
      return html`<input type="text" id="${id}" name="${field.name}" value="${asString(value)}" ${off}${aria} />`;
  }
}

/** A field with its label, control, lock, help and errors. */
export function fieldBlock(field: FieldView, value: unknown, choices: Choices, errors: FieldErrors): Html {
  const disabled = field.lockedBy !== undefined;
  const own = field.kind.kind === 'reftyRules' ? [] : errors.take(field.name);
  const help = field.kind.kind === 'stages' ? [field.help, MULTIPLE_HINT].filter(Boolean).join(' ') : field.help;
  const { attrs, lines } = describedBy(field.name, help, own);
  const lock = field.lockedBy ? html`<small class="locked">set by ${field.lockedBy}</small>` : '';
  const body = control(field, value, choices, disabled, attrs, errors);
  // A composite editor takes its own messages; whatever it left is shown with the field.
  const rest = errors.rest(field.name);
  const restLine = rest.length > 0 ? html`<small class="field-error">${rest.join('; ')}</small>` : '';
  if (field.kind.kind === 'boolean') return html`<div class="field">${body}${lock}${restLine}${lines}</div>`;
  if (field.kind.kind === 'reftyRules') {
    return html`<fieldset class="field rules-field">
      <legend>${field.label}</legend>
      ${lock}${restLine}${field.help ? html`<small>${field.help}</small>` : ''}${body}
    </fieldset>`;
  }
  return html`<div class="field"><label for="${inputId(field.name)}">${field.label}</label>${body}${lock}${restLine}${lines}</div>`;
}
