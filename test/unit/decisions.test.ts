// What every decision must keep, over generated snapshots (fast-check): each integration in the registry that
// Lever opportunities drive, a pure function of one snapshot (and its process's state when it asks). Each
// integration's own properties and cases are in test/integrations/<name>/decide.test.ts.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { integrationParts, loadConfig } from '../../src/assembly/config';
import type { IntegrationDefinition } from '../../src/integrations/kit/definition';
import { decide, NOW, snapshot, world } from '../harness/decisions';

/**
 * The settings that make the generated snapshots meaningful to an integration: its
 * test/integrations/<name>/decision-settings.ts when it has one, else its sandbox settings.
 */
function decisionSettings(name: string, sandboxSettings: unknown): unknown {
  const path = join(__dirname, '..', 'integrations', name, 'decision-settings.ts');
  if (!existsSync(path)) return sandboxSettings;
  withOwnSettings.push(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path) as { settings: unknown }).settings;
}
const withOwnSettings: string[] = [];

/** Every integration in the registry that Lever opportunities drive, with its decision and settings. */
const DECIDERS = integrationParts(loadConfig({})).flatMap(({ integration, server, section }) => {
  const { opportunity } = integration as IntegrationDefinition;
  return opportunity ? [[integration.name, opportunity.decide, decisionSettings(integration.name, server.settings(section))] as const] : [];
});

it('runs over the integrations that Lever opportunities drive, with their own decision settings where they have them', () => {
  expect(DECIDERS.length).toBeGreaterThan(0);
  // A wrong path would quietly run every one on its sandbox settings, where fewer branches are reached.
  expect(withOwnSettings.length).toBeGreaterThan(0);
});

describe('every decision, over generated snapshots', () => {
  it.each(DECIDERS)(
    '%s never starts, performs or hands over anything for a deleted opportunity but to a running process',
    (_name, fn, settings) => {
      fc.assert(
        fc.property(world, (w) => {
          const d = decide(fn as never, { opportunityId: 'o', readAt: NOW, deleted: true }, settings, w);
          return d.kind === 'nothing' || (d.kind === 'deliver' && w.process.state === 'running');
        }),
      );
    },
  );

  it.each(DECIDERS)('%s starts nothing for an archived opportunity', (_name, fn, settings) => {
    fc.assert(
      fc.property(snapshot, world, (s, w) => {
        fc.pre(!s.deleted && s.archived !== null);
        const d = decide(fn as never, s, settings, w);
        return d.kind !== 'start';
      }),
    );
  });

  it.each(DECIDERS)('%s starts nothing while its process runs (it hands the snapshot over instead)', (_name, fn, settings) => {
    fc.assert(
      fc.property(snapshot, world, (s, w) => decide(fn as never, s, settings, { ...w, process: { state: 'running' } }).kind !== 'start'),
    );
  });
});
