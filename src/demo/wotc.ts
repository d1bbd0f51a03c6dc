// The WOTC scenario: a candidate applies, HRLogics sends the survey, the applicant submits it, the
// recruiter hires.
import type { Config } from '../config';
import { WOTC_TAGS } from '../lever/tags';
import { SandboxControl } from '../sandbox/control-client';
import { SEED_POSTING_IDS } from '../sandbox/lever/seed';
import { workflowIds } from '../workflow-ids';
import { step, uiLink, until } from './steps';

export async function wotcScenario(config: Config, control: SandboxControl): Promise<string> {
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
  return uiLink(config, workflowId);
}
