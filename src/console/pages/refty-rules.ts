// Refty's rules editor: per rule its postings (picked from Lever's), sequence, language and steps (each an
// id, a kind and the Lever stage that starts it). Adding and removing rules and steps are submit buttons,
// so it works without JavaScript; what was typed is kept across them.
import type { FieldErrors } from '../field-errors';
import { attr, html, type Html } from '../html';
import { matchesChoice, type Choices } from '../lever-choices';
import { ruleInput, rulesOf, STEP_KINDS, stepInput, type ReftyRuleValue, type ReftyStepValue } from '../refty-rules-form';
import { describedBy, inputId, MULTIPLE_HINT } from './field-ids';

const KIND_TEXT: Record<string, string> = { self_assessment: 'Self-assessment', reference_check: 'Reference check' };

function textInput(name: string, label: string, value: string, disabled: boolean, errors: FieldErrors, help?: string): Html {
  const { attrs, lines } = describedBy(name, help, errors.take(name));
  return html`<div class="field">
    <label for="${inputId(name)}">${label}</label
    ><input type="text" id="${inputId(name)}" name="${name}" value="${value}" ${attr('disabled', disabled)}${attrs} />${lines}
  </div>`;
}

function selectInput(name: string, label: string, options: Html[], disabled: boolean, errors: FieldErrors, multiple = false): Html {
  const { attrs, lines } = describedBy(name, multiple ? MULTIPLE_HINT : undefined, errors.take(name));
  return html`<div class="field">
    <label for="${inputId(name)}">${label}</label
    ><select
      id="${inputId(name)}"
      name="${name}"
      ${attr('multiple', multiple)}${multiple ? html` size="5"` : ''}${attr('disabled', disabled)}${attrs}
    >
      ${options}</select
    >${lines}
  </div>`;
}

function step(field: string, r: number, s: number, value: ReftyStepValue, choices: Choices, disabled: boolean, errors: FieldErrors): Html {
  const stages = choices.stages.map(
    (c) => html`<option value="${c.id}" ${attr('selected', value.stage !== '' && matchesChoice(c, value.stage))}>${c.text}</option>`,
  );
  const unknownStage = value.stage && !choices.stages.some((c) => matchesChoice(c, value.stage));
  const inputs = html`<div class="grid">
    ${textInput(stepInput(field, r, s, 'stepId'), 'Step id', value.stepId, disabled, errors)}
    ${selectInput(
      stepInput(field, r, s, 'kind'),
      'Kind',
      STEP_KINDS.map((k) => html`<option value="${k}" ${attr('selected', value.kind === k)}>${KIND_TEXT[k]}</option>`),
      disabled,
      errors,
    )}
    ${selectInput(
      stepInput(field, r, s, 'stage'),
      'Stage',
      [
        html`<option value="">Choose a stage</option>`,
        ...stages,
        unknownStage ? html`<option value="${value.stage}" selected>${value.stage} (not in Lever's list)</option>` : html``,
      ],
      disabled,
      errors,
    )}
    ${textInput(stepInput(field, r, s, 'name'), 'Step name', value.name ?? '', disabled, errors, 'Optional: shown in tags and notes')}
  </div>`;
  // Messages about the step as a whole, after its inputs took theirs.
  const rest = errors.rest(`${field}[${r}].steps[${s}]`);
  return html`<fieldset class="step">
    <legend>Step ${s + 1}</legend>
    ${rest.length > 0 ? html`<small class="field-error">${rest.join('; ')}</small>` : ''} ${inputs}
    ${disabled ? '' : html`<button type="submit" name="_action" value="remove-step:${r}:${s}" class="secondary outline small" formnovalidate>Remove step</button>`}
  </fieldset>`;
}

function rule(field: string, r: number, value: ReftyRuleValue, choices: Choices, disabled: boolean, errors: FieldErrors): Html {
  const postings = choices.postings.map(
    (p) => html`<option value="${p.id}" ${attr('selected', value.postings.includes(p.id))}>${p.text}</option>`,
  );
  const unknownPostings = value.postings.filter((id) => !choices.postings.some((p) => p.id === id));
  const steps = value.steps.map((s, i) => step(field, r, i, s, choices, disabled, errors));
  const stepsErrors = errors.take(ruleInput(field, r, 'steps'));
  const body = html`<fieldset class="rule">
    <legend>Rule ${r + 1}</legend>
    ${selectInput(
      ruleInput(field, r, 'postings'),
      'Postings',
      [...postings, ...unknownPostings.map((id) => html`<option value="${id}" selected>${id} (not in Lever's list)</option>`)],
      disabled,
      errors,
      true,
    )}
    <div class="grid">
      ${textInput(ruleInput(field, r, 'sequenceId'), 'Sequence', value.sequenceId, disabled, errors, 'The Refty sequence these postings join')}
      ${textInput(ruleInput(field, r, 'language'), 'Language', value.language, disabled, errors, 'A language code such as en or en-GB')}
    </div>
    ${stepsErrors.length > 0 ? html`<small class="field-error">${stepsErrors.join('; ')}</small>` : ''} ${steps}
    ${
      disabled
        ? ''
        : html`<div class="rule-buttons">
            <button type="submit" name="_action" value="add-step:${r}" class="secondary outline small" formnovalidate>Add a step</button>
            <button type="submit" name="_action" value="remove-rule:${r}" class="secondary outline small" formnovalidate>Remove</button>
          </div>`
    }
  </fieldset>`;
  // Messages about the rule as a whole (`rules[0]`), or parts no control shows.
  const rest = errors.rest(`${field}[${r}]`);
  return html`${rest.length > 0 ? html`<small class="field-error">Rule ${r + 1}: ${rest.join('; ')}</small>` : ''}${body}`;
}

export function reftyRulesEditor(field: string, value: unknown, choices: Choices, disabled: boolean, errors: FieldErrors): Html {
  const rules = rulesOf(value);
  return html`<div class="rules">
    ${rules.length === 0 ? html`<p class="muted">No rules yet: no posting joins a Refty sequence.</p>` : ''}
    ${rules.map((r, i) => rule(field, i, r, choices, disabled, errors))}
    ${disabled ? '' : html`<button type="submit" name="_action" value="add-rule" class="secondary" formnovalidate>Add a rule</button>`}
  </div>`;
}
