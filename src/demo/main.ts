// `npm run demo [-- wotc|willo|refty]`: plays a scenario (all of them by default) against a running
// `npm start`, printing each step as it happens.
import { loadConfig } from '../config';
import { WOTC_TAGS } from '../lever/tags';
import { SandboxControl } from '../sandbox/control-client';
import { sandboxBaseUrl } from '../sandbox/defaults';
import { SEED_POSTING_IDS } from '../sandbox/lever/seed';
import { workflowIds } from '../workflow-ids';
import { reftyScenario } from './refty';
import { demoContext, type DemoContext } from './steps';
import { willoScenario } from './willo';

async function reachable(url: string): Promise<boolean> {
  return fetch(url).then(() => true, () => false);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.sandbox.enabled) throw new Error('the demo plays its scenario through the sandbox, but LEVER_API_BASE_URL points at a real Lever account');
  const sandboxUrl = sandboxBaseUrl(config.sandbox.port);
  if (!(await reachable(`${config.api.publicUrl}/healthz`)) || !(await reachable(sandboxUrl))) {
    throw new Error(`the relay is not running at ${config.api.publicUrl} (sandbox ${sandboxUrl}): start it with npm start, then run npm run demo`);
  }
  const scenarios: Record<string, (ctx: DemoContext) => Promise<void>> = { wotc: wotcScenario, willo: willoScenario, refty: reftyScenario };
  const wanted = process.argv[2];
  if (wanted !== undefined && !(wanted in scenarios)) throw new Error(`unknown scenario ${wanted}: one of ${Object.keys(scenarios).join(', ')}`);
  const ctx = demoContext(config, new SandboxControl(sandboxUrl));
  for (const [name, play] of Object.entries(scenarios)) {
    if (wanted !== undefined && name !== wanted) continue;
    console.log(`\n=== ${name} ===`);
    await play(ctx);
  }
}

async function wotcScenario({ control, step, until, uiLink }: DemoContext): Promise<void> {
  const postingId = SEED_POSTING_IDS.warehouseAssociate;

  step(`A candidate applies to posting ${postingId} in the sandbox's Lever`);
  const { opportunityId } = await control.apply({ name: 'Dana Demo', email: `dana.demo+${Date.now()}@example.com`, postingId });
  step(`Lever created opportunity ${opportunityId} and sent a signed applicationCreated webhook to the relay`);
  const workflowId = workflowIds.wotc(opportunityId);

  const screening = await until('the HRLogics screening', async () => (await control.screenings(opportunityId))[0]);
  step(`The relay confirmed the opportunity with Lever and created HRLogics screening ${screening.screeningId}; HRLogics emails the 3-step WOTC survey`);

  await new Promise((r) => setTimeout(r, 1000));
  const callback = await control.completeSurvey(screening.screeningId, 'pre_qualified');
  step(`The applicant submits the survey: HRLogics calls back screening.completed (pre_qualified); the relay answered ${callback.status}`);

  const opportunity = await until('the WOTC tag', async () => {
    const current = await control.opportunity(opportunityId);
    return current.tags.includes(WOTC_TAGS.preQualified) ? current : undefined;
  });
  step(`Lever now tags the opportunity: ${opportunity.tags.map((t) => JSON.stringify(t)).join(', ')}`);

  await control.hire(opportunityId);
  step('A recruiter hires the candidate in Lever (candidateHired webhook)');
  const hired = await until('the hire to reach HRLogics', async () => (await control.screenings(opportunityId))[0]?.hire);
  step(`The relay passed the start date ${hired.startDate} to HRLogics (Form 8850 is due within 28 days of it)`);

  console.log(`\nSee the run in the Temporal UI: ${uiLink(workflowId)}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
