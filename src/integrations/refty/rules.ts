// Refty rules as workflows see them: plain data, validated once at start-up (rules-config.ts),
// and the pure lookups every Refty decision uses. No I/O here, so workflows may import it.

export type ReftyStepKind = 'self_assessment' | 'reference_check';

export interface ReftyStep {
  stepId: string;
  kind: ReftyStepKind;
  /** The Lever stage linked to the step: a stage id, or a stage name. */
  stage: string;
  /** What the step is called in Lever tags, `Refty:<name> Sent`. */
  name: string;
}

export interface ReftyRule {
  /** Lever posting ids the rule covers. */
  postings: string[];
  sequenceId: string;
  language: string;
  steps: ReftyStep[];
}

export function ruleForPosting(rules: readonly ReftyRule[], postingId: string | undefined): ReftyRule | undefined {
  return postingId === undefined ? undefined : rules.find((rule) => rule.postings.includes(postingId));
}

export function findStep(rule: ReftyRule, stepId: string): ReftyStep | undefined {
  return rule.steps.find((step) => step.stepId === stepId);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The step linked to a stage, by the stage's id or (case-insensitively) its name. `undefined` name: only
 * ids can match, and `needsName` says whether a name could have.
 */
export function stepForStage(rule: ReftyRule, stageId: string, stageName: string | undefined): { step?: ReftyStep; needsName: boolean } {
  const byId = rule.steps.find((step) => step.stage === stageId);
  if (byId) return { step: byId, needsName: false };
  if (stageName === undefined) return { needsName: true };
  return { step: rule.steps.find((step) => same(step.stage, stageName)), needsName: false };
}
