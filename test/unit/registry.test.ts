// The registry is the only list, and each integration's one name is the only name: its key, its variables,
// its callbacks' samples and its rows of docs/integrations.md all follow from it. A new integration is checked here as soon
// as its registry line exists.
import { integrationParts, loadConfig } from '../../src/assembly/config';
import { EnvReader } from '../../src/config/env';
import { readRelayConfig } from '../../src/config/relay';
import { INTEGRATION_NAME, envPrefixOf, registryKeyOf } from '../../src/integrations/kit/names';

const config = loadConfig({});
const parts = integrationParts(config);

/** The variables a section parser reads, whatever its answer. */
function variablesRead(read: (r: EnvReader) => unknown): string[] {
  const names: string[] = [];
  const reader = new EnvReader({});
  for (const method of ['get', 'list', 'stages'] as const) {
    const original = reader[method].bind(reader) as (...args: unknown[]) => unknown;
    (reader as unknown as Record<string, unknown>)[method] = (name: string, ...rest: unknown[]) => {
      names.push(name);
      return original(name, ...rest);
    };
  }
  read(reader);
  return names;
}

describe.each(parts.map((part) => [part.integration.name, part] as const))('%s', (name, { key, server, section }) => {
  it('has one name: its key and variable prefix derive from it', () => {
    expect(name).toMatch(INTEGRATION_NAME);
    expect(key).toBe(registryKeyOf(name));
  });

  it('reads only <PREFIX>_* variables, and its docs (docs/integrations.md) document every one', () => {
    const { context } = readRelayConfig(new EnvReader({}));
    const read = variablesRead((r) => server.config(r, context));
    const documented = server.docs.variables.flatMap((v) => [...v.env.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));
    for (const variable of read) {
      expect(variable.startsWith(`${envPrefixOf(name)}_`)).toBe(true);
      expect(documented).toContain(variable);
    }
  });

  it('declares a sample of every callback type it handles (the ingress and fuzz tests use them)', () => {
    if (!server.callbacks) return;
    const routes = Object.keys(server.callbacks.routes(section, config)).sort();
    const sampled = [...new Set(server.callbacks.samples.map((s) => s.body.type))].sort();
    expect(sampled).toEqual(routes);
  });
});
