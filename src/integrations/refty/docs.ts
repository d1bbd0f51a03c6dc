// What docs/integrations.md says of this integration: its variables (the configuration table) and its stop notes.
// `npm run docs` writes both tables from every integration's docs; a test fails when that file drifts.
import type { IntegrationDocs } from '../kit/server';

export const docs: IntegrationDocs = {
  variables: [
    {
      env: '`REFTY_ENABLED`',
      default: '`true` in sandbox mode, else `false`',
      meaning: 'switching off stops new sequences and requests; running processes still take callbacks',
    },
    {
      env: '`REFTY_BASE_URL`, `REFTY_API_KEY`, `REFTY_CALLBACK_SECRET`',
      default: 'sandbox',
      meaning: 'Refty API, key, and the `whsec_...` secret of its callbacks',
    },
    {
      env: '`REFTY_RULES`',
      default: 'one sandbox rule; else edited in the console (without it: not set up)',
      meaning:
        'JSON list of rules, validated at start-up (errors name the path, e.g. `REFTY_RULES[0].steps[1].kind`): `[{"postings":["<posting id>"],"sequenceId":"...","language":"en","steps":[{"stepId":"...","kind":"self_assessment"\\|"reference_check","stage":"<stage id or name>","name":"<tag name, default Self Assessment / Reference Check>"}]}]`; a posting belongs to one rule',
    },
    {
      env: '`REFTY_STOP_NOTES`',
      default: '`true`',
      meaning:
        "write the short [notes](#notes-in-lever) that say in Lever when that integration's flow cannot go on; `false` for accounts that do not want them (the reason is still in Temporal)",
    },
  ],
  stopNotes: [
    {
      note: '"no self-assessment or reference check is sent for this opportunity: its posting is not covered by a Refty rule"',
      when: 'a new entry into a stage a rule links to a step, on a posting no rule covers',
      markerKey: 'opportunity',
    },
    {
      note: '"no `<Step>` request was sent: the opportunity has no email address"',
      when: "a new entry into a step's stage",
      markerKey: 'opportunity and step',
    },
    {
      note: '"the `<Step>` request expired without an answer" / "was declined"',
      when: "Refty's `request.expired` / `request.declined`",
      markerKey: 'request',
    },
  ],
};
