// The Wintro scenario: the "Sync" button sends every published posting and its applicants' hashed
// emails to Wintro; then an employee refers a friend, who becomes a referred opportunity with a note.
import type { Config } from '../config';
import { SandboxControl } from '../sandbox/control-client';
import { SEED_POSTING_IDS } from '../sandbox/lever/seed';
import { workflowIds } from '../workflow-ids';
import { step, uiLink, until } from './steps';

export async function wintroScenario(config: Config, control: SandboxControl): Promise<string> {
  const { postings } = await control.bulkPostings({ count: 150, applicantsPerPosting: 2 });
  step(`The sandbox's Lever gains ${postings.length} postings (some internal-only, some closed) with applicants: more than one page`);

  const answer = await fetch(`${config.api.publicUrl}/admin/wintro/sync`, { method: 'POST', headers: { authorization: `Bearer ${config.api.adminToken}` } });
  const run = (await answer.json()) as { workflowId: string; runId: string };
  step(`Someone clicks "Sync": POST /admin/wintro/sync answered ${answer.status} with run ${run.workflowId}`);
  const published = await until('the vacancy list to reach Wintro', async () => {
    const vacancies = await control.vacancies();
    return vacancies.length > 0 && vacancies;
  });
  step(`Wintro now lists ${published.length} published vacancies (both channels); exclusions follow posting by posting at Lever's rate limit`);
  await until('every vacancy\'s exclusions', async () => (await control.vacancies()).every((v) => v.exclusions !== null), 180_000);
  const excluded = (await control.vacancies()).reduce((n, v) => n + (v.exclusions?.length ?? 0), 0);
  step(`Done: ${excluded} SHA-256 email hashes excluded across all vacancies; no raw email left Lever`);

  const postingId = SEED_POSTING_IDS.backendEngineer;
  const referral = await control.refer({
    leverPostingId: postingId,
    candidate: { name: 'Robin Referred', email: `robin.referred+${Date.now()}@example.com`, linkedinUrl: 'https://www.linkedin.com/in/robin' },
    referrer: { name: 'Erin Employee', email: 'erin.employee@example.com' },
  });
  step(`Erin refers Robin to ${postingId} in Wintro: referral.applied ${referral.referralId}; the relay answered ${referral.status}`);
  const opportunity = await until('the referred opportunity', async () =>
    (await control.opportunities()).find((o) => o.tags.some((t) => t.endsWith(referral.referralId)) && o.notes.length > 0),
  );
  step(`Lever has opportunity ${opportunity.id}: origin ${opportunity.origin}, sources ${JSON.stringify(opportunity.sources)}, note: "${opportunity.notes[0].value.split('\n')[0]}"`);
  return uiLink(config, workflowIds.wintroReferral(referral.referralId));
}
