// `npm run demo -- hrlogics`: a candidate applies, HRLogics sends the survey, the applicant submits it,
// the recruiter hires.
import type { DemoContext } from '../../demo/context';
import { SEED_POSTING_IDS } from '../../sandbox/lever/seed';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { hrlogicsControl } from './sandbox/control-client';
import { WOTC_TAGS } from './tags';

export async function hrlogicsScenario({ control, step, until, pause, uiLink, opportunityLink }: DemoContext): Promise<void> {
  const hrlogics = hrlogicsControl(control);
  const postingId = SEED_POSTING_IDS.warehouseAssociate;

  step(`A candidate applies to posting ${postingId} in the sandbox's Lever`);
  const { opportunityId } = await control.apply({ name: 'Dana Demo', email: `dana.demo+${Date.now()}@example.com`, postingId });
  step(`Lever created opportunity ${opportunityId} and sent a signed applicationCreated webhook to the relay`);

  const screening = await until('the HRLogics screening', async () => (await hrlogics.screenings(opportunityId))[0]);
  step(
    `The opportunity process read the opportunity once and started the screening process: HRLogics screening ${screening.screeningId}; HRLogics emails the 3-step WOTC survey`,
  );

  await pause();
  const callback = await hrlogics.completeSurvey(screening.screeningId, 'pre_qualified');
  step(`The applicant submits the survey: HRLogics calls back screening.completed (pre_qualified); the relay answered ${callback.status}`);

  const opportunity = await until('the WOTC tag', async () => {
    const current = await control.opportunity(opportunityId);
    return current.tags.includes(WOTC_TAGS.preQualified) ? current : undefined;
  });
  step(`Lever now tags the opportunity: ${opportunity.tags.map((t) => JSON.stringify(t)).join(', ')}`);

  await control.hire(opportunityId);
  step('A recruiter hires the candidate in Lever (candidateHired and candidateArchiveChange webhooks: one look at Lever for both)');
  const hired = await until('the hire to reach HRLogics', async () => (await hrlogics.screenings(opportunityId))[0]?.hire);
  step(`The relay passed the start date ${hired.startDate} to HRLogics (Form 8850 is due within 28 days of it)`);
  console.log(`\nSee the opportunity process in the Temporal UI: ${opportunityLink(opportunityId)}`);
  console.log(`and its WOTC screening: ${uiLink(integrationProcessId('hrlogics', opportunityId))}`);
}
