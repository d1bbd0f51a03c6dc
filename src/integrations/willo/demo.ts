// `npm run demo -- willo`: a candidate on the posting tagged `Willo:Engineering Screen-Sandbox` enters the
// trigger stage, records the video interview, and the reviewer accepts them.
import type { DemoContext } from '../../demo/context';
import { SEED_POSTING_IDS, SEED_WILLO_POSTING_TAG } from '../../sandbox/lever/seed';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { willoControl } from './sandbox/control-client';
import { WILLO_TAGS } from './tags';

const willoTagsOf = (tags: string[]) => tags.filter((t) => (Object.values(WILLO_TAGS) as string[]).includes(t));

export async function willoScenario({ control, step, until, pause, uiLink, opportunityLink, saveSettings }: DemoContext): Promise<void> {
  const willo = willoControl(control);
  step(
    `An admin picks Phone Screen as Willo's trigger stage on the console's settings page: ${await saveSettings('willo', { triggerStages: ['phone-screen'] })}`,
  );
  const postingId = SEED_POSTING_IDS.backendEngineer;
  const { opportunityId } = await control.apply({ name: 'Wes Willo', email: `wes.willo+${Date.now()}@example.com`, postingId });
  step(`A candidate applies to ${postingId}; the opportunity inherits the posting's tag ${SEED_WILLO_POSTING_TAG}`);
  await pause();

  await control.moveStage(opportunityId, 'phone-screen');
  step(`A recruiter moves opportunity ${opportunityId} to Phone Screen (a Willo trigger stage): Lever sends candidateStageChange`);
  const participant = await until('the Willo invite', async () => (await willo.participants(opportunityId))[0]);
  step(
    `The opportunity process read the opportunity once (stage names and posting tags come from the worker's cache), found interview ${participant.interview} in Willo's catalogue, checked for an existing participant, and invited: participant ${participant.key}`,
  );
  await until('Willo:Invited', async () => (await control.opportunity(opportunityId)).tags.includes(WILLO_TAGS.invited));
  step(`Lever now tags the opportunity ${WILLO_TAGS.invited}`);

  await control.moveStage(opportunityId, 'onsite');
  await control.moveStage(opportunityId, 'phone-screen');
  await pause();
  step(
    `The recruiter moves the candidate away and back into Phone Screen: still ${(await willo.participants(opportunityId)).length} invite`,
  );

  const responded = await willo.finishVideo(participant.key);
  step(`The candidate records the video: Willo calls back new_response; the relay answered ${responded.status}`);
  await until('Willo:To Review', async () => (await control.opportunity(opportunityId)).tags.includes(WILLO_TAGS.toReview));
  const { notes } = await control.opportunity(opportunityId);
  const responses = notes.find((n) => n.value.startsWith('Willo:'));
  step(`Lever: tag ${WILLO_TAGS.toReview} and a note: ${JSON.stringify(responses?.value.split('\n')[0])}`);

  await pause();
  const reviewed = await willo.reviewVideo(participant.key, 'Accepted');
  step(`The reviewer moves the participant to "Accepted" in Willo: stage_change callback, the relay answered ${reviewed.status}`);
  const tags = await until('Willo:Accepted', async () => {
    const current = (await control.opportunity(opportunityId)).tags;
    return current.includes(WILLO_TAGS.accepted) ? current : undefined;
  });
  step(
    `Lever's Willo status tags now: ${willoTagsOf(tags)
      .map((t) => JSON.stringify(t))
      .join(', ')} (exactly one at any time)`,
  );
  console.log(`\nSee the opportunity process in the Temporal UI: ${opportunityLink(opportunityId)}`);
  console.log(`and its Willo interview process: ${uiLink(integrationProcessId('willo', opportunityId))}`);
}
