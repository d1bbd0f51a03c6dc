// `npm run demo [-- <integration>]`: plays each integration's scenario (all of them in turn by default)
// against a running `npm start`, printing each step as it happens. Scenarios come from the registry.
import { integrationParts, loadConfig } from '../assembly/config';
import { SandboxControl } from '../sandbox/control-client';
import { demoContext, requireRunningSandbox } from './context';

async function main(): Promise<void> {
  const config = loadConfig();
  const scenarios = integrationParts(config).flatMap(({ integration, server, section }) =>
    server.demo ? [{ name: integration.name, title: integration.title, demo: server.demo, section }] : [],
  );
  const wanted = process.argv[2];
  // `wotc` is what this scenario was called before it was named after its integration.
  const name = wanted === 'wotc' ? 'hrlogics' : wanted;
  if (name !== undefined && !scenarios.some((s) => s.name === name)) {
    throw new Error(`unknown scenario ${wanted}: one of ${scenarios.map((s) => s.name).join(', ')}`);
  }
  const context = demoContext(config, new SandboxControl(await requireRunningSandbox(config)));
  for (const scenario of scenarios) {
    if (name !== undefined && scenario.name !== name) continue;
    console.log(`\n=== ${scenario.name} (${scenario.title}) ===`);
    const { section } = scenario;
    if (!section.enabled) {
      console.log(`${scenario.title} is switched off: skipped`);
      continue;
    }
    await scenario.demo(context, section);
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
