// The id of a field's control and the lines tied to it: shared by every control, Refty's rules editor
// included (apart from fields.ts, which uses that editor, so that the two do not import each other).
import { html, type Html } from '../html';

/** Under every list that takes several choices: people who never used one do not know the key. */
export const MULTIPLE_HINT = 'Hold Ctrl (⌘ on a Mac) to choose more than one.';

export const inputId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The error and help lines under a control, and the attributes that tie them to it. */
export function describedBy(name: string, help: string | undefined, errors: string[]): { attrs: Html; lines: Html } {
  const id = inputId(name);
  const ids = [errors.length > 0 ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return {
    attrs: html`${ids ? html` aria-describedby="${ids}"` : ''}${errors.length > 0 ? html` aria-invalid="true"` : ''}`,
    lines: html`${errors.length > 0 ? html`<small id="${id}-error" class="field-error">${errors.join('; ')}</small>` : ''}${
      help ? html`<small id="${id}-help">${help}</small>` : ''
    }`,
  };
}
