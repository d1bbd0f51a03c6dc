// What docs/integrations.md says of this integration: its variables (the configuration table) and its stop notes.
// `npm run docs` writes both tables from every integration's docs; a test fails when that file drifts.
import type { IntegrationDocs } from '../kit/server';

export const docs: IntegrationDocs = {
  variables: [
    {
      env: '`HRLOGICS_BACKFILL_WINDOW`',
      default: '`30d`',
      meaning: 'a WOTC backfill surveys only candidates who applied within this window (unless `--applied-since`)',
    },
    {
      env: '`HRLOGICS_ENABLED`',
      default: '`true` in sandbox mode, else `false`',
      meaning: 'switching off stops new screenings; running ones finish',
    },
    {
      env: '`HRLOGICS_BASE_URL`, `HRLOGICS_API_KEY`, `HRLOGICS_CALLBACK_SECRET`',
      default: 'sandbox',
      meaning: 'partner API and the `whsec_...` Standard Webhooks secret of its callbacks',
    },
    {
      env: '`HRLOGICS_REMINDER_INTERVAL`, `HRLOGICS_MAX_REMINDERS`, `HRLOGICS_EXPIRY`, `HRLOGICS_HIRE_WAIT`',
      default: '`3d`, `3`, `30d`, `180d`',
      meaning:
        "survey reminders; expiry (no answer by then: recorded with a note, no more reminders, the screening left in HRLogics, and a late result still tags; it is cancelled in HRLogics only on archive, delete or switch-off); how long a pre-qualified candidate's hire is awaited",
    },
    {
      env: '`HRLOGICS_STOP_NOTES`',
      default: '`true`',
      meaning:
        "write the short [notes](#notes-in-lever) that say in Lever when that integration's flow cannot go on; `false` for accounts that do not want them (the reason is still in Temporal)",
    },
  ],
  stopNotes: [
    {
      note: '"no WOTC survey was sent for this application: the opportunity has no email address"',
      when: 'a new application without an email',
      markerKey: 'application',
    },
    {
      note: '"the WOTC survey expired without an answer, and no more reminders are sent; an answer that still comes in is recorded"',
      when: "`HRLOGICS_EXPIRY`, or HRLogics' `screening.expired`",
      markerKey: 'screening',
    },
  ],
};
