// HRLogics (WOTC tax-credit screening): a new application with an email gets the 3-step survey; the
// result becomes one Lever tag; the hire date is passed on for Form 8850.
import type { IntegrationDefinition } from '../kit/definition';
import { decideWotc } from './decide';
import type { WotcSettings } from './messages';
import { wotcScreening } from './workflow';

export const hrlogics = {
  name: 'hrlogics',
  title: 'HRLogics',
  workflows: { wotcScreening },
  opportunity: { decide: decideWotc, process: { workflow: wotcScreening } },
  // Node only: the workflow bundle leaves server.ts out (src/temporal/bundle.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server: () => (require('./server') as typeof import('./server')).hrlogicsServer,
} satisfies IntegrationDefinition<WotcSettings>;
