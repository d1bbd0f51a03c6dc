// A group's settings form back into values: each field read by its kind (the same kinds that picked its
// control), locked fields left out (they are not editable, and a disabled control is not posted). The patch
// holds only what differs from the settings in force, so saving a page that shows a value from the
// environment's default does not turn that default into a stored setting; an emptied field is `null`
// ("not set").
import type { FieldProblem } from '../http/problems';
import type { FieldView, GroupView } from '../settings/view';
import { all, one, type FormBody } from './form-body';
import { parseReftyRules } from './refty-rules-form';

export interface ParsedSettingsForm {
  /** What the person typed, by field name: shown again when the change is refused. */
  values: Record<string, unknown>;
  /** The fields that changed, for `settings.change`. */
  patch: Record<string, unknown>;
  /** Problems found before asking the settings service (a number that is not one). */
  problems: FieldProblem[];
  version: number;
}

function parseField(field: FieldView, body: FormBody): { value: unknown; problem?: string } {
  const text = (one(body, field.name) ?? '').trim();
  switch (field.kind.kind) {
    case 'boolean':
      // An unticked checkbox is not posted at all.
      return { value: one(body, field.name) === 'true' };
    case 'text':
    case 'duration':
    case 'durationOrOff':
    case 'choice':
    case 'stage':
    case 'user':
      return { value: text === '' ? null : text };
    case 'integer': {
      if (text === '') return { value: null };
      const n = Number(text);
      return Number.isInteger(n) ? { value: n } : { value: text, problem: 'must be a whole number' };
    }
    case 'textList':
      return {
        value: (one(body, field.name) ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'stages':
      return { value: all(body, field.name).filter(Boolean) };
    case 'reftyRules':
      return { value: parseReftyRules(body, field.name) };
  }
}

const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function parseSettingsForm(group: GroupView, body: FormBody): ParsedSettingsForm {
  const values: Record<string, unknown> = {};
  const patch: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of group.fields) {
    if (field.lockedBy) continue;
    const { value, problem } = parseField(field, body);
    values[field.name] = value;
    if (problem) problems.push({ field: field.name, message: problem });
    else if (!same(value, field.value)) patch[field.name] = value;
  }
  const version = Number(one(body, 'version'));
  return { values, patch, problems, version: Number.isInteger(version) ? version : -1 };
}
