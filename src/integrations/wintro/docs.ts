// What docs/integrations.md says of this integration: its variables (the configuration table) and its stop notes.
// `npm run docs` writes both tables from every integration's docs; a test fails when that file drifts.
import type { IntegrationDocs } from '../kit/server';

export const docs: IntegrationDocs = {
  variables: [
    {
      env: '`WINTRO_ENABLED`',
      default: '`true` in sandbox mode, else `false`',
      meaning: 'switching off stops new referrals and pauses the sync schedule; running ones finish',
    },
    {
      env: '`WINTRO_BASE_URL`, `WINTRO_API_KEY`, `WINTRO_CALLBACK_SECRET`',
      default: 'sandbox',
      meaning: "Wintro's API and the `whsec_...` secret of its callbacks",
    },
    {
      env: '`WINTRO_PERFORM_AS_EMAIL`',
      default: 'sandbox user',
      meaning:
        'Lever user (by email, `GET /users?email=`) that referral opportunities and notes are created as; without it (here or in the console) Wintro is not set up',
    },
    {
      env: '`WINTRO_PERFORM_AS`',
      default: '`user`',
      meaning: "`posting-owner`: create as the posting's owner instead (falls back to the user above when the posting has none)",
    },
    { env: '`WINTRO_SYNC_INTERVAL`', default: '`4h`', meaning: 'how often the schedule syncs vacancies and exclusions' },
  ],
};
