// `npm run demo [-- wotc | willo | refty | wintro | tech-interview]`: plays a scenario (all of them in
// turn by default) against a running `npm start`, printing each step as it happens.
import { loadConfig, type Config } from '../config';
import { SandboxControl } from '../sandbox/control-client';
import { reftyScenario } from './refty';
import { demoContext, requireRunningSandbox } from './steps';
import { techInterviewScenario } from './tech-interview';
import { willoScenario } from './willo';
import { wintroScenario } from './wintro';
import { wotcScenario } from './wotc';

type Scenario = (config: Config, control: SandboxControl) => Promise<string | void>;

const scenarios: Record<string, Scenario> = {
  wotc: wotcScenario,
  willo: (config, control) => willoScenario(demoContext(config, control)),
  refty: (config, control) => reftyScenario(demoContext(config, control)),
  wintro: wintroScenario,
  'tech-interview': techInterviewScenario,
};

async function main(): Promise<void> {
  const config = loadConfig();
  const wanted = process.argv[2];
  if (wanted !== undefined && !(wanted in scenarios)) throw new Error(`unknown scenario ${wanted}: one of ${Object.keys(scenarios).join(', ')}`);
  const control = new SandboxControl(await requireRunningSandbox(config));
  for (const [name, play] of Object.entries(scenarios)) {
    if (wanted !== undefined && name !== wanted) continue;
    console.log(`\n=== ${name} ===`);
    const link = await play(config, control);
    if (link) console.log(`\nSee the run in the Temporal UI: ${link}`);
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
