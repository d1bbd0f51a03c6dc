// All configuration, read once from the environment and validated here so that a bad setting stops
// start-up with one message naming every problem, instead of failing later inside a workflow. The relay's
// own settings come from config/relay.ts; each integration in the registry parses its own section. It sits
// above the registry (README, Layout: floors), so config/ below it never imports an integration.
import { eachIntegration, type Integration, type IntegrationName, type integrations } from '../integrations';
import type { IntegrationServer } from '../integrations/kit/server';
import type { PartnerConnection } from '../config/partner';
import { ConfigError, EnvReader, withSecretFiles, type Env } from '../config/env';
import { readRelayConfig, type RelayConfig } from '../config/relay';

export { ConfigError } from '../config/env';
export type { RelayConfig } from '../config/relay';

/** An integration's section of the configuration, as its server part parses it. */
export type SectionOf<N extends IntegrationName> = ReturnType<ReturnType<(typeof integrations)[N]['server']>['config']>;

export type Config = RelayConfig & { [N in IntegrationName]: SectionOf<N> };

export function loadConfig(env: Env = process.env): Config {
  const fileProblems: string[] = [];
  const r = new EnvReader(withSecretFiles(env, fileProblems));
  r.problems.push(...fileProblems);
  const { relay, context } = readRelayConfig(r);
  const sections = Object.fromEntries(eachIntegration().map(([key, integration]) => [key, integration.server().config(r, context)]));
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  const config = { ...relay, ...sections } as Config;
  // The settings need to know which variables were given (they lock their fields in the console).
  Object.defineProperty(config, ENV, { value: env, enumerable: false });
  return config;
}

const ENV = Symbol('env');

/** The environment a configuration was read from (its variables lock their fields in the console). */
export function environmentOf(config: Config): Env {
  return (config as unknown as Record<symbol, Env | undefined>)[ENV] ?? process.env;
}

/** One integration with its Node side and its own section of this configuration. */
export interface IntegrationPart {
  key: IntegrationName;
  integration: Integration;
  server: IntegrationServer<PartnerConnection, unknown>;
  section: PartnerConnection;
}

/** Every integration in registry order, each with its server part and section: what the worker, the API and the demo iterate. */
export function integrationParts(config: Config): IntegrationPart[] {
  return eachIntegration().map(([key, integration]) => ({ key, integration, server: integration.server(), section: config[key] }));
}

/**
 * What the opportunity process gets of each enabled integration's section (its workflow settings); an
 * integration switched off is left out, so nothing new starts for it.
 */
export function integrationSettings(config: Config): Partial<Record<IntegrationName, unknown>> {
  const settings: Partial<Record<IntegrationName, unknown>> = {};
  for (const { key, server, section } of integrationParts(config)) if (section.enabled) settings[key] = server.settings(section);
  return settings;
}
