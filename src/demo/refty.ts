// `npm run demo -- refty`: a candidate on a posting covered by a Refty rule joins its sequence, gets a
// self-assessment at phone screen (twice, on re-entry), a reference check on-site, and a report back.
import { reftyStepTag } from '../lever/tags';
import { SEED_POSTING_IDS } from '../sandbox/lever/seed';
import { workflowIds } from '../workflow-ids';
import type { DemoContext } from './steps';

export async function reftyScenario({ config, control, step, until, pause, uiLink }: DemoContext): Promise<void> {
  if (!config.refty.enabled) throw new Error('Refty is switched off (REFTY_ENABLED=false)');
  const postingId = SEED_POSTING_IDS.supportLead;
  const rule = config.refty.rules.find((r) => r.postings.includes(postingId));
  if (!rule) throw new Error(`no Refty rule covers ${postingId}: the demo needs the sandbox default REFTY_RULES`);
  const requests = async (count: number) => until(`${count} Refty request(s)`, async () => {
    const list = await control.reftyRequests(opportunityId);
    return list.length >= count ? list : undefined;
  });

  const { opportunityId } = await control.apply({ name: 'Rosa Refty', email: `rosa.refty+${Date.now()}@example.com`, postingId });
  step(`A candidate applies to ${postingId}, covered by the rule for sequence ${rule.sequenceId} (${rule.language})`);
  const candidate = await until('the candidate to join the sequence', async () => (await control.reftyCandidates(opportunityId))[0]);
  step(`The relay confirmed the posting with Lever and added the candidate to ${candidate.sequenceId}: Refty candidate ${candidate.candidateId}`);

  await control.moveStage(opportunityId, 'phone-screen');
  const [first] = await requests(1);
  step(`Moved to Phone Screen: the relay confirmed the move and requested step ${first.stepId} (${first.requestId})`);
  await control.moveStage(opportunityId, 'applicant-new');
  await control.moveStage(opportunityId, 'phone-screen');
  const again = await requests(2);
  step(`Moved away and back into Phone Screen: a new request ${again[1].requestId} (re-entry sends again; a repeated webhook would not)`);

  await control.moveStage(opportunityId, 'onsite');
  const [, , references] = await requests(3);
  step(`Moved to On-site Interview: step ${references.stepId} requested (${references.requestId}); Refty emails the referees`);

  await pause();
  await control.finishReftyRequest(again[1].requestId, 'complete');
  await control.finishReftyRequest(references.requestId, 'complete');
  step('The candidate completes the self-assessment and the referees answer: Refty calls back request.completed twice');
  const completedTag = reftyStepTag('Reference Check', 'Completed');
  const opportunity = await until('the report notes', async () => {
    const current = await control.opportunity(opportunityId);
    return current.notes.length >= 2 && current.tags.includes(completedTag) && !current.tags.includes(reftyStepTag('Reference Check', 'Sent')) ? current : undefined;
  });
  step(`Lever: ${opportunity.notes.filter((n) => n.secret).length} secret notes with the report links; tags ${opportunity.tags.filter((t) => t.startsWith('Refty:')).map((t) => JSON.stringify(t)).join(', ')}`);

  await control.archive(opportunityId);
  const cancelled = await until('the open request to be cancelled', async () => (await control.reftyRequests(opportunityId)).find((r) => r.status === 'cancelled'));
  step(`The candidate is archived: the still-open request ${cancelled.requestId} (the first self-assessment) is cancelled in Refty`);
  console.log(`\nSee the Refty process in the Temporal UI: ${uiLink(workflowIds.refty(opportunityId))}`);
}
