// The registry: the only list of integrations. Worker, API routes, configuration, sandbox, demo and the
// opportunity process all iterate it. Adding an integration is one folder beside these and one line here.
// Workflow-safe: each entry's Node side sits behind its `server()` (see kit/definition.ts).
import { hrlogics } from './hrlogics';
import type { IntegrationDefinition } from './kit/definition';
import { refty } from './refty';
import { techInterview } from './tech-interview';
import { willo } from './willo';
import { wintro } from './wintro';

export const integrations = {
  hrlogics,
  willo,
  refty,
  wintro,
  techInterview,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<string, IntegrationDefinition<any, any>>;

export type IntegrationName = keyof typeof integrations;
export type Integration = (typeof integrations)[IntegrationName];

/** The registry's entries with their keys, in registry order. */
export function eachIntegration(): [IntegrationName, Integration][] {
  return Object.entries(integrations) as [IntegrationName, Integration][];
}
