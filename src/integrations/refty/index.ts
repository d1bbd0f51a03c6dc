// Refty (self-assessments and reference checks): a new application on a covered posting joins the rule's
// sequence; each new entry into a step's stage requests that step; reports come back as secret notes.
import type { IntegrationDefinition } from '../kit/definition';
import { decideRefty } from './decide';
import type { ReftySettings } from './messages';
import { reftyReferences } from './workflow';

export const refty = {
  name: 'refty',
  title: 'Refty',
  workflows: { reftyReferences },
  opportunity: { decide: decideRefty, process: { workflow: reftyReferences } },
  // Node only: the workflow bundle leaves server.ts out (src/temporal/bundle.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server: () => (require('./server') as typeof import('./server')).reftyServer,
} satisfies IntegrationDefinition<ReftySettings>;
