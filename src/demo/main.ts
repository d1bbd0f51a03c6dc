// `npm run demo [-- wotc | wintro | tech-interview]`: plays a scenario against a running `npm start`,
// printing each step as it happens. Without an argument, the WOTC scenario.
import { loadConfig, type Config } from '../config';
import { SandboxControl } from '../sandbox/control-client';
import { requireRunningSandbox } from './steps';
import { techInterviewScenario } from './tech-interview';
import { wintroScenario } from './wintro';
import { wotcScenario } from './wotc';

const scenarios: Record<string, (config: Config, control: SandboxControl) => Promise<string>> = {
  wotc: wotcScenario,
  wintro: wintroScenario,
  'tech-interview': techInterviewScenario,
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'wotc';
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`no scenario ${JSON.stringify(name)}; one of ${Object.keys(scenarios).join(', ')}`);
  const config = loadConfig();
  const control = new SandboxControl(await requireRunningSandbox(config));
  const link = await scenario(config, control);
  console.log(`\nSee the run in the Temporal UI: ${link}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
