// REFTY_RULES: which Lever postings join which Refty sequence, and which Lever stage starts each step.
// JSON in one variable, validated here so a mistake stops start-up with the exact path of the problem.
import { z } from 'zod';
import type { ReftyRule } from './rules';

const text = z.string().trim().min(1);

const step = z.strictObject({
  stepId: text,
  kind: z.enum(['self_assessment', 'reference_check']),
  stage: text.describe('Lever stage id or name'),
  name: text.optional(),
});

const rule = z
  .strictObject({
    postings: z.array(text).min(1, 'a rule covers at least one posting'),
    sequenceId: text,
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en or en-GB'),
    steps: z.array(step).min(1, 'a rule has at least one step'),
  })
  .refine((r) => new Set(r.steps.map((s) => s.stepId)).size === r.steps.length, { message: 'step ids must be unique within a rule' });

/** The shape of `REFTY_RULES` and of Refty's `rules` setting. */
export const reftyRulesSchema = z.array(rule).refine(
  (list) => {
    const postings = list.flatMap((r) => r.postings);
    return new Set(postings).size === postings.length;
  },
  { message: 'a posting may belong to one rule only' },
);

const DEFAULT_STEP_NAMES = { self_assessment: 'Self Assessment', reference_check: 'Reference Check' } as const;

export function parseReftyRules(json: string): { rules: ReftyRule[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { rules: [], problems: ['REFTY_RULES is not valid JSON'] };
  }
  const parsed = reftyRulesSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `REFTY_RULES${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`,
    );
    return { rules: [], problems };
  }
  return { rules: withStepNames(parsed.data), problems: [] };
}

/** Rules as the workflows use them: every step named (its kind's name by default). */
export function withStepNames(list: z.infer<typeof reftyRulesSchema>): ReftyRule[] {
  return list.map((r) => ({ ...r, steps: r.steps.map((s) => ({ ...s, name: s.name ?? DEFAULT_STEP_NAMES[s.kind] })) }));
}
