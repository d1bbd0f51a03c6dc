// The Wintro scenario: the "Sync" button sends every published posting and its applicants' hashed
// emails to Wintro; then an employee refers a friend, who becomes a referred opportunity with a note.
import type { DemoContext } from '../../demo/context';
import { SEED_POSTING_IDS } from '../../sandbox/lever/seed';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { wintroControl } from './sandbox/control-client';

export async function wintroScenario({ relay, control, step, until, uiLink }: DemoContext): Promise<void> {
  const wintro = wintroControl(control);
  const { postings } = await control.bulkPostings({ count: 150, applicantsPerPosting: 2 });
  step(`The sandbox's Lever gains ${postings.length} postings (some internal-only, some closed) with applicants: more than one page`);

  const answer = await fetch(`${relay.api.publicUrl}/admin/wintro/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${relay.api.adminToken}` },
  });
  const run = (await answer.json()) as { workflowId: string; runId: string };
  step(`Someone clicks "Sync": POST /admin/wintro/sync answered ${answer.status} with run ${run.workflowId}`);
  const published = await until('the vacancy list to reach Wintro', async () => {
    const vacancies = await wintro.vacancies();
    return vacancies.length > 0 && vacancies;
  });
  step(
    `Wintro now lists ${published.length} published vacancies (both channels); exclusions follow posting by posting at Lever's rate limit`,
  );
  await until("every vacancy's exclusions", async () => (await wintro.vacancies()).every((v) => v.exclusions !== null), 180_000);
  const excluded = (await wintro.vacancies()).reduce((n, v) => n + (v.exclusions?.length ?? 0), 0);
  step(`Done: ${excluded} SHA-256 email hashes excluded across all vacancies; no raw email left Lever`);

  const postingId = SEED_POSTING_IDS.backendEngineer;
  const referral = await wintro.refer({
    leverPostingId: postingId,
    candidate: {
      name: 'Robin Referred',
      email: `robin.referred+${Date.now()}@example.com`,
      linkedinUrl: 'https://www.linkedin.com/in/robin',
    },
    referrer: { name: 'Erin Employee', email: 'erin.employee@example.com' },
  });
  step(`Erin refers Robin to ${postingId} in Wintro: referral.applied ${referral.referralId}; the relay answered ${referral.status}`);
  const opportunity = await until('the referred opportunity', async () =>
    (await control.opportunities()).find((o) => o.tags.some((t) => t.endsWith(referral.referralId)) && o.notes.length > 0),
  );
  step(
    `Lever has opportunity ${opportunity.id}: origin ${opportunity.origin}, sources ${JSON.stringify(opportunity.sources)}, note: "${opportunity.notes[0].value.split('\n')[0]}"`,
  );
  console.log(`\nSee the referral in the Temporal UI: ${uiLink(integrationProcessId('wintro', 'referral', referral.referralId))}`);
}
