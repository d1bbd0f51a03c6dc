// What docs/integrations.md says of this integration: its variables (the configuration table) and its stop notes.
// `npm run docs` writes both tables from every integration's docs; a test fails when that file drifts.
import type { IntegrationDocs } from '../kit/server';

export const docs: IntegrationDocs = {
  variables: [
    {
      env: '`WILLO_ENABLED`',
      default: '`true` in sandbox mode, else `false`',
      meaning: 'switching off stops new invites; running Willo processes finish',
    },
    {
      env: '`WILLO_BASE_URL`, `WILLO_API_KEY`, `WILLO_CALLBACK_SECRET`',
      default: 'sandbox',
      meaning: 'Willo Integration API V2 base URL, key, and the `whsec_...` secret of its callbacks',
    },
    {
      env: '`WILLO_AUTH_PREFIX`',
      default: '`Bearer`',
      meaning: "the word before the key in `Authorization` (Willo's prefix is configurable)",
    },
    {
      env: '`WILLO_ACCOUNT`',
      default: '`Sandbox` in sandbox mode; else picked in the console (without it: not set up)',
      meaning:
        'the `<Account>` of posting tags `Willo:<Interview>-<Account>` (or `Willo:<Interview>:<Account>`: both forms are read); `<Interview>` is an interview title from `GET /interviews/`',
    },
    {
      env: '`WILLO_TRIGGER_STAGES`',
      default: '`Phone Screen` in sandbox mode; else picked in the console (without it: not set up)',
      meaning: 'Lever stages (ids or names, comma-separated) whose entry invites',
    },
    {
      env: '`WILLO_ACCEPTED_STAGES`, `WILLO_REJECTED_STAGES`',
      default: '`Accepted`, `Rejected`',
      meaning:
        'Willo stage names (case-insensitive, comma-separated) that mean accepted / rejected; other stages are recorded and change no tag',
    },
    {
      env: '`WILLO_INVITE_EXPIRY`, `WILLO_REVIEW_WAIT`',
      default: '`14d`, `90d`',
      meaning:
        'no response by then: recorded with a note, tag left at `Willo:Invited`, and a late response still moves the candidate to `Willo:To Review`; no reviewer decision by then after the response: the process ends',
    },
    {
      env: '`WILLO_STOP_NOTES`',
      default: '`true`',
      meaning:
        "write the short [notes](#notes-in-lever) that say in Lever when that integration's flow cannot go on; `false` for accounts that do not want them (the reason is still in Temporal)",
    },
  ],
  stopNotes: [
    {
      note: '"no video interview invite was sent: this posting is not linked to a Willo interview" (or: its tag names no interview in Willo\'s catalogue)',
      when: 'a new entry into a trigger stage',
      markerKey: 'opportunity',
    },
    {
      note: '"no video interview invite was sent: the opportunity has no email address"',
      when: 'a new entry into a trigger stage',
      markerKey: 'opportunity',
    },
    {
      note: '"the video interview invite expired without a response; a response that still comes in is recorded"',
      when: '`WILLO_INVITE_EXPIRY`',
      markerKey: 'participant',
    },
  ],
};
