// `npm run demo -- refty`: a candidate on a posting covered by a Refty rule joins its sequence, gets a
// self-assessment at phone screen (twice, on re-entry), a reference check on-site, and a report back.
import type { DemoContext } from '../../demo/context';
import { SEED_POSTING_IDS } from '../../sandbox/lever/seed';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { SANDBOX_REFTY_RULES, type ReftyConfig } from './config';
import type { ReftyRule } from './rules';
import { reftyControl } from './sandbox/control-client';
import { reftyStepTag } from './tags';

export async function reftyScenario(
  { control, step, until, pause, uiLink, opportunityLink, saveSettings }: DemoContext,
  section: ReftyConfig,
): Promise<void> {
  const refty = reftyControl(control);
  const postingId = SEED_POSTING_IDS.supportLead;
  // What an admin adds on the console's Refty page ("Add a rule"), unless REFTY_RULES sets the rules.
  const consoleRules = JSON.parse(SANDBOX_REFTY_RULES) as ReftyRule[];
  step(
    `An admin adds a Refty rule for ${postingId} on the console's settings page: ${await saveSettings('refty', { rules: consoleRules })}`,
  );
  const rule = (process.env.REFTY_RULES ? section.rules : consoleRules).find((r) => r.postings.includes(postingId));
  if (!rule) throw new Error(`no Refty rule covers ${postingId}: the demo needs the sandbox default REFTY_RULES`);
  const requests = async (count: number) =>
    until(`${count} Refty request(s)`, async () => {
      const list = await refty.requests(opportunityId);
      return list.length >= count ? list : undefined;
    });

  const { opportunityId } = await control.apply({ name: 'Rosa Refty', email: `rosa.refty+${Date.now()}@example.com`, postingId });
  step(`A candidate applies to ${postingId}, covered by the rule for sequence ${rule.sequenceId} (${rule.language})`);
  const candidate = await until('the candidate to join the sequence', async () => (await refty.candidates(opportunityId))[0]);
  step(
    `The opportunity process read the opportunity (its posting is covered) and the sequence process added the candidate to ${candidate.sequenceId}: Refty candidate ${candidate.candidateId}`,
  );

  await control.moveStage(opportunityId, 'phone-screen');
  const [first] = await requests(1);
  step(
    `Moved to Phone Screen: the opportunity process saw a new entry into the step's stage in Lever and the sequence process requested step ${first.stepId} (${first.requestId})`,
  );
  await control.moveStage(opportunityId, 'applicant-new');
  await control.moveStage(opportunityId, 'phone-screen');
  const again = await requests(2);
  step(
    `Moved away and back into Phone Screen: a new request ${again[1].requestId} (a new entry in Lever's stage history sends again; the same entry seen again would not)`,
  );

  await control.moveStage(opportunityId, 'onsite');
  const [, , references] = await requests(3);
  step(`Moved to On-site Interview: step ${references.stepId} requested (${references.requestId}); Refty emails the referees`);

  await pause();
  await refty.finish(again[1].requestId, 'complete');
  await refty.finish(references.requestId, 'complete');
  step('The candidate completes the self-assessment and the referees answer: Refty calls back request.completed twice');
  const completedTag = reftyStepTag('Reference Check', 'Completed');
  const opportunity = await until('the report notes', async () => {
    const current = await control.opportunity(opportunityId);
    return current.notes.filter((n) => n.secret).length >= 2 &&
      current.tags.includes(completedTag) &&
      !current.tags.includes(reftyStepTag('Reference Check', 'Sent'))
      ? current
      : undefined;
  });
  step(
    `Lever: ${opportunity.notes.filter((n) => n.secret).length} secret notes with the report links; tags ${opportunity.tags
      .filter((t) => t.startsWith('Refty:'))
      .map((t) => JSON.stringify(t))
      .join(', ')}`,
  );

  await control.archive(opportunityId);
  const cancelled = await until('the open request to be cancelled', async () =>
    (await refty.requests(opportunityId)).find((r) => r.status === 'cancelled'),
  );
  step(`The candidate is archived: the still-open request ${cancelled.requestId} (the first self-assessment) is cancelled in Refty`);
  console.log(`\nSee the opportunity process in the Temporal UI: ${opportunityLink(opportunityId)}`);
  console.log(`and its Refty sequence process: ${uiLink(integrationProcessId('refty', opportunityId))}`);
}
