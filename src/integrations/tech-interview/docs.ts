// What docs/integrations.md says of this integration: its variables (the configuration table) and its stop notes.
// `npm run docs` writes both tables from every integration's docs; a test fails when that file drifts.
import type { IntegrationDocs } from '../kit/server';

export const docs: IntegrationDocs = {
  variables: [
    {
      env: '`TECH_INTERVIEW_ENABLED`',
      default: '`true` in sandbox mode, else `false`',
      meaning: 'the anonymous technical-interview platform',
    },
    {
      env: '`TECH_INTERVIEW_BASE_URL`, `TECH_INTERVIEW_API_KEY`, `TECH_INTERVIEW_CALLBACK_SECRET`',
      default: 'sandbox',
      meaning: "the platform's API (status reports) and its callbacks' `whsec_...` secret",
    },
    {
      env: '`TECH_INTERVIEW_PLATFORM_NAME`',
      default: '`TechScreen`',
      meaning:
        'the source of the opportunities it exports and the prefix of its tags (`<name>:Interview <id>`, `<name>:Anonymous`); no `:`',
    },
    {
      env: '`TECH_INTERVIEW_PERFORM_AS_EMAIL`',
      default: 'sandbox user',
      meaning:
        "Lever user to create as when the interviewer's email is not an active Lever user, or when Lever refuses the interviewer's user the create (403, e.g. the Interviewer role): then once as this user, and the scores note says so; without it (here or in the console) not set up",
    },
    { env: '`TECH_INTERVIEW_DEFAULT_STAGE`', default: '`New Applicant`', meaning: 'stage of new candidates, by id or by name' },
    {
      env: '`TECH_INTERVIEW_EXPORT_UNSUCCESSFUL`',
      default: '`false`',
      meaning: 'also export `no_advance` candidates, under their pseudonym and without email',
    },
  ],
};
