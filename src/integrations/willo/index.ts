// Willo (one-way video interviews): entering a trigger stage invites the candidate to the interview named
// by the posting's `Willo:<Interview>-<Account>` tag, once; one status tag follows the interview.
import type { IntegrationDefinition } from '../kit/definition';
import { decideWillo } from './decide';
import type { WilloSettings } from './messages';
import { willoInterview } from './workflow';

export const willo = {
  name: 'willo',
  title: 'Willo',
  workflows: { willoInterview },
  opportunity: { decide: decideWillo, process: { workflow: willoInterview } },
  // Node only: the workflow bundle leaves server.ts out (src/temporal/bundle.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server: () => (require('./server') as typeof import('./server')).willoServer,
} satisfies IntegrationDefinition<WilloSettings>;
