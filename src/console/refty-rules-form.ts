// Refty's rules as a plain form: `rules[0].postings` (a multi-select), `rules[0].sequenceId`,
// `rules[0].language`, `rules[0].steps[1].stepId|kind|stage|name`. Without JavaScript, adding or removing a
// rule or a step is a submit button that re-renders the form with what was typed, one rule or step more or
// less; only "Save" saves.
import { all, one, type FormBody } from './form-body';

export interface ReftyStepValue {
  stepId: string;
  kind: string;
  stage: string;
  name?: string;
}

export interface ReftyRuleValue {
  postings: string[];
  sequenceId: string;
  language: string;
  steps: ReftyStepValue[];
}

export const STEP_KINDS = ['self_assessment', 'reference_check'] as const;

export const emptyStep = (): ReftyStepValue => ({ stepId: '', kind: STEP_KINDS[0], stage: '' });
export const emptyRule = (): ReftyRuleValue => ({ postings: [], sequenceId: '', language: 'en', steps: [emptyStep()] });

export const ruleInput = (field: string, rule: number, part: string) => `${field}[${rule}].${part}`;
export const stepInput = (field: string, rule: number, step: number, part: string) => `${field}[${rule}].steps[${step}].${part}`;

/** The rules a value holds, whatever it is (the view's value is trusted, but a form may be partial). */
export function rulesOf(value: unknown): ReftyRuleValue[] {
  if (!Array.isArray(value)) return [];
  return value.map((r: Partial<ReftyRuleValue>) => ({
    postings: Array.isArray(r?.postings) ? r.postings.map(String) : [],
    sequenceId: String(r?.sequenceId ?? ''),
    language: String(r?.language ?? ''),
    steps: Array.isArray(r?.steps)
      ? r.steps.map((s: Partial<ReftyStepValue>) => ({
          stepId: String(s?.stepId ?? ''),
          kind: String(s?.kind ?? STEP_KINDS[0]),
          stage: String(s?.stage ?? ''),
          ...(s?.name ? { name: String(s.name) } : {}),
        }))
      : [],
  }));
}

/** The indexes that occur in names such as `rules[3].sequenceId`, in order. */
function indexes(body: FormBody, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match) found.add(Number(match[1]));
  }
  return [...found].filter((i) => i < 100).sort((a, b) => a - b);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rules as typed: every rule and step the form carried, in order, blanks kept (the validator names them). */
export function parseReftyRules(body: FormBody, field: string): ReftyRuleValue[] {
  const f = escapeRegExp(field);
  return indexes(body, new RegExp(`^${f}\\[(\\d+)\\]\\.`)).map((r) => {
    const steps = indexes(body, new RegExp(`^${f}\\[${r}\\]\\.steps\\[(\\d+)\\]\\.`)).map((s) => {
      const name = (one(body, stepInput(field, r, s, 'name')) ?? '').trim();
      return {
        stepId: (one(body, stepInput(field, r, s, 'stepId')) ?? '').trim(),
        kind: one(body, stepInput(field, r, s, 'kind')) ?? STEP_KINDS[0],
        stage: one(body, stepInput(field, r, s, 'stage')) ?? '',
        ...(name ? { name } : {}),
      };
    });
    return {
      postings: all(body, ruleInput(field, r, 'postings')).filter(Boolean),
      sequenceId: (one(body, ruleInput(field, r, 'sequenceId')) ?? '').trim(),
      language: (one(body, ruleInput(field, r, 'language')) ?? '').trim(),
      steps,
    };
  });
}

/** What an editing button asks for: `add-rule`, `remove-rule:1`, `add-step:0`, `remove-step:0:2`. */
export type RuleEdit =
  | { edit: 'add-rule' }
  | { edit: 'remove-rule'; rule: number }
  | { edit: 'add-step'; rule: number }
  | { edit: 'remove-step'; rule: number; step: number };

export function parseRuleEdit(action: string | undefined): RuleEdit | undefined {
  if (action === 'add-rule') return { edit: 'add-rule' };
  const match = /^(remove-rule|add-step):(\d+)$/.exec(action ?? '');
  if (match) return { edit: match[1] as 'remove-rule' | 'add-step', rule: Number(match[2]) };
  const step = /^remove-step:(\d+):(\d+)$/.exec(action ?? '');
  if (step) return { edit: 'remove-step', rule: Number(step[1]), step: Number(step[2]) };
  return undefined;
}

export function applyRuleEdit(rules: ReftyRuleValue[], edit: RuleEdit): ReftyRuleValue[] {
  const next = rules.map((r) => ({ ...r, steps: [...r.steps] }));
  if (edit.edit === 'add-rule') next.push(emptyRule());
  else if (edit.edit === 'remove-rule') next.splice(edit.rule, 1);
  else if (edit.edit === 'add-step') next[edit.rule]?.steps.push(emptyStep());
  else next[edit.rule]?.steps.splice(edit.step, 1);
  return next;
}
