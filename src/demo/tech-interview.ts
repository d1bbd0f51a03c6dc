// The technical-interview scenario: a candidate passes an anonymous technical interview, becomes a Lever
// opportunity created as the interviewer, and later stage changes are reported back to the platform.
import type { Config } from '../config';
import { techInterviewTag } from '../lever/tags';
import { SandboxControl } from '../sandbox/control-client';
import { SEED_POSTING_IDS, SEED_USERS } from '../sandbox/lever/seed';
import { workflowIds } from '../workflow-ids';
import { step, uiLink, until } from './steps';

export async function techInterviewScenario(config: Config, control: SandboxControl): Promise<string> {
  const platform = config.techInterview.platformName;
  const sent = await control.completeInterview({
    outcome: 'advance',
    candidate: { anonymous: false, name: 'Toni Tested', email: `toni.tested+${Date.now()}@example.com` },
    interviewer: { name: SEED_USERS.ivan.name, leverUserEmail: SEED_USERS.ivan.email },
    scores: { technical: 4, communication: 3, problemSolving: 4 },
    feedback: 'Strong on data modelling.',
    leverPostingId: SEED_POSTING_IDS.backendEngineer,
  });
  step(`${platform}: Toni passes interview ${sent.interviewId} (advance); interview.completed answered ${sent.status}`);
  const opportunity = await until('the exported opportunity', async () =>
    (await control.opportunities()).find((o) => o.tags.includes(techInterviewTag(platform, sent.interviewId)) && o.notes.length > 0),
  );
  step(`Lever has opportunity ${opportunity.id} at stage ${opportunity.stage}, created as ${opportunity.owner}, source ${JSON.stringify(opportunity.sources)}`);
  step(`Note: ${opportunity.notes[0].value.split('\n').slice(0, 2).join(' ')}`);

  await control.moveStage(opportunity.id, 'onsite');
  step('A recruiter moves Toni to the on-site interview in Lever (candidateStageChange webhook)');
  const [status] = await until('the status report', async () => {
    const list = await control.interviewStatuses(sent.interviewId);
    return list.length > 0 && list;
  });
  step(`${platform} was told: stage "${status.stageName}", hired ${status.hired}`);
  return uiLink(config, workflowIds.techInterview(sent.interviewId));
}
