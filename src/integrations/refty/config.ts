// Refty's section of the configuration: `REFTY_*`, with the rules in `REFTY_RULES`.
import { z } from 'zod';
import type { EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, stopNotesSetting, type PartnerConnection, type SectionContext } from '../../config/partner';
import { sandboxCallbackSecret } from '../../config/sandbox-defaults';
import type { ReftySettings } from './messages';
import type { ReftyRule } from './rules';
import { field, type SettingFields } from '../../settings/fields';
import { reftyRulesSchema, withStepNames } from './rules-config';
import { parseReftyRules } from './rules-config';

/** Refty in sandbox mode: the support lead posting gets a self-assessment at phone screen, references on-site. */
export const SANDBOX_REFTY_RULES = JSON.stringify([
  {
    postings: ['posting-support-lead'],
    sequenceId: 'seq-support',
    language: 'en',
    steps: [
      { stepId: 'step-self-assessment', kind: 'self_assessment', stage: 'phone-screen' },
      { stepId: 'step-references', kind: 'reference_check', stage: 'onsite' },
    ],
  },
]);

export interface ReftyConfig extends PartnerConnection {
  rules: ReftyRule[];
  stopNotes: boolean;
}

export function readReftyConfig(r: EnvReader, ctx: SectionContext): ReftyConfig {
  const connection = partnerConnection(r, ctx, { prefix: 'REFTY', path: 'refty', sandboxSecret: sandboxCallbackSecret('refty') });
  // Without rules Refty is "not set up" (see `reftyEditable`), not a start-up error.
  const text = r.get('REFTY_RULES', z.string(), sandboxDefault(ctx, SANDBOX_REFTY_RULES));
  const parsed = text === undefined ? { rules: [], problems: [] } : parseReftyRules(text);
  r.problems.push(...parsed.problems);
  return { ...connection, rules: parsed.rules, stopNotes: stopNotesSetting(r, 'REFTY') };
}

export function reftySettings(section: ReftyConfig): ReftySettings {
  return { rules: section.rules, stopNotes: section.stopNotes };
}

/** What an admin edits on Refty's settings page. */
export const reftyEditable: SettingFields = {
  enabled: field.boolean('Enabled'),
  rules: {
    label: 'Rules',
    help: 'Which postings join which Refty sequence, and which Lever stage starts each step.',
    kind: { kind: 'reftyRules' },
    schema: reftyRulesSchema,
    requiredWhenEnabled: true,
    toSection: withStepNames,
  },
  stopNotes: field.boolean('Stop notes', 'Write a short note in Lever when a request cannot go on.'),
};
