// `npm run demo -- tech-interview`: a candidate passes an anonymous technical interview, becomes a Lever
// opportunity created as the interviewer, and a later stage change is reported back to the platform.
import type { DemoContext } from '../../demo/context';
import { SEED_POSTING_IDS, SEED_USERS } from '../../sandbox/lever/seed';
import { integrationProcessId } from '../../temporal/workflow-ids';
import type { TechInterviewConfig } from './config';
import { techInterviewControl } from './sandbox/control-client';
import { techInterviewTag } from './tags';

export async function techInterviewScenario(
  { control, step, until, uiLink, opportunityLink }: DemoContext,
  section: TechInterviewConfig,
): Promise<void> {
  const platform = section.platformName;
  const interviews = techInterviewControl(control);
  const sent = await interviews.completeInterview({
    outcome: 'advance',
    candidate: { anonymous: false, name: 'Toni Tested', email: `toni.tested+${Date.now()}@example.com` },
    interviewer: { name: SEED_USERS.harry.name, leverUserEmail: SEED_USERS.harry.email },
    scores: { technical: 4, communication: 3, problemSolving: 4 },
    feedback: 'Strong on data modelling.',
    leverPostingId: SEED_POSTING_IDS.backendEngineer,
  });
  step(`${platform}: Toni passes interview ${sent.interviewId} (advance); interview.completed answered ${sent.status}`);
  const opportunity = await until('the exported opportunity', async () =>
    (await control.opportunities()).find((o) => o.tags.includes(techInterviewTag(platform, sent.interviewId)) && o.notes.length > 0),
  );
  step(
    `Lever has opportunity ${opportunity.id} at stage ${opportunity.stage}, created as ${opportunity.owner}, source ${JSON.stringify(opportunity.sources)}`,
  );
  step(`Note: ${opportunity.notes[0].value.split('\n').slice(0, 2).join(' ')}`);
  console.log(`See the export in the Temporal UI: ${uiLink(integrationProcessId('tech-interview', 'export', sent.interviewId))}`);

  await control.moveStage(opportunity.id, 'onsite');
  step('A recruiter moves Toni to the on-site interview in Lever (candidateStageChange webhook)');
  const [status] = await until('the status report', async () => {
    const list = await interviews.statuses(sent.interviewId);
    return list.length > 0 && list;
  });
  step(
    `${platform} was told, from the same single read of the opportunity every integration shares: stage "${status.stageName}", hired ${status.hired}`,
  );
  console.log(`See the opportunity process that reported it: ${opportunityLink(opportunity.id)}`);
}
