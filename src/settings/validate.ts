// A change is checked on the server before Temporal sees it: each value against its field's zod schema
// (the same as its variable's), then against Lever's live lists (a stage, posting or user must exist; a
// perform-as user must be active and allowed to create candidates). Every problem names its field
// (`triggerStages`, `rules[0].postings[1]`), so the console can show it beside the control.
import type { Env } from '../config/env';
import type { FieldProblem } from '../http/problems';
import { mayCreateOpportunities } from '../lever/roles';
import { lockOf } from './effective';
import type { SettingField } from './fields';
import type { SettingGroup } from './groups';
import type { LeverChoice, LeverLists } from './lever-lists';

const pathOf = (field: string, path: readonly PropertyKey[]) =>
  field + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

/** The parsed values of a change to one group, or its problems. `null` puts a field back to its default. */
export async function validateChange(
  group: SettingGroup,
  patch: Record<string, unknown>,
  env: Env,
  lists: LeverLists,
): Promise<{ values: Record<string, unknown>; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    const spec = group.fields[name];
    if (!spec) {
      problems.push({ field: name, message: `${group.title} has no setting "${name}"` });
      continue;
    }
    const lock = lockOf(env, group, name);
    if (lock) {
      problems.push({ field: name, message: `set by ${lock}: change it in the environment` });
      continue;
    }
    if (value === null) {
      values[name] = null;
      continue;
    }
    const parsed = spec.schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ field: pathOf(name, issue.path), message: issue.message });
      continue;
    }
    const live = await liveProblems(name, spec, parsed.data, lists);
    problems.push(...live);
    if (live.length === 0) values[name] = parsed.data;
  }
  return { values, problems };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function findStage(stages: LeverChoice[], ref: string): LeverChoice | undefined {
  return stages.find((s) => s.id === ref) ?? stages.find((s) => same(s.text, ref));
}

async function liveProblems(name: string, spec: SettingField, value: unknown, lists: LeverLists): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const unknownStage = async (field: string, ref: string) => {
    if (!findStage(await lists.stages(), ref)) problems.push({ field, message: `no Lever stage has the id "${ref}"` });
  };
  switch (spec.kind.kind) {
    case 'stages':
      for (const [i, ref] of (value as string[]).entries()) await unknownStage(`${name}[${i}]`, ref);
      break;
    case 'stage':
      await unknownStage(name, value as string);
      break;
    case 'user': {
      const users = (await lists.users()).filter((u) => same(u.email, value as string));
      const active = users.find((u) => !u.deactivated);
      if (users.length === 0) problems.push({ field: name, message: `no Lever user has the email ${String(value)}` });
      else if (!active) problems.push({ field: name, message: `the Lever user ${String(value)} is deactivated` });
      else if (!mayCreateOpportunities(active.accessRole))
        problems.push({
          field: name,
          message: `the role "${active.accessRole ?? 'unknown'}" of ${String(value)} may not create candidates`,
        });
      break;
    }
    case 'reftyRules': {
      const postings = new Set((await lists.postings()).map((p) => p.id));
      for (const [r, rule] of (value as { postings: string[]; steps: { stage: string }[] }[]).entries()) {
        for (const [p, posting] of rule.postings.entries())
          if (!postings.has(posting))
            problems.push({ field: `${name}[${r}].postings[${p}]`, message: `no Lever posting has the id "${posting}"` });
        for (const [s, step] of rule.steps.entries()) await unknownStage(`${name}[${r}].steps[${s}].stage`, step.stage);
      }
      break;
    }
    default:
      break;
  }
  if (problems.length === 0 && spec.check) {
    const message = await spec.check(value, lists);
    if (message) problems.push({ field: name, message });
  }
  return problems;
}
