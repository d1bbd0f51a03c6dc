// Wintro (employee-network referrals): published postings and hashed applicant emails are synced to
// Wintro (every 4 hours and on demand); a referral becomes a referred Lever opportunity with a note. Not
// driven by Lever opportunities: its processes start from its schedule, its button and its callbacks.
import type { IntegrationDefinition } from '../kit/definition';
import { wintroNotification, wintroReferral } from './referral-workflow';
import { wintroVacancySync } from './sync-workflow';

export const wintro = {
  name: 'wintro',
  title: 'Wintro',
  workflows: { wintroVacancySync, wintroReferral, wintroNotification },
  // Node only: the workflow bundle leaves server.ts out (src/temporal/bundle.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server: () => (require('./server') as typeof import('./server')).wintroServer,
} satisfies IntegrationDefinition;
