// Checks integrations run against the live Lever account and their partner (`npm run doctor`, and every
// worker at start): each says what it checked and, when it fails, how to fix it.
import { fail, pass, reason, type CheckContext, type CheckResult } from '../../doctor/check';
import { mayCreateOpportunities, ROLES_THAT_MAY_CREATE_OPPORTUNITIES } from '../../lever/roles';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A stage named in configuration (by id or name) exists in Lever. */
export async function stageExists(ctx: CheckContext, setting: string, ref: string): Promise<CheckResult> {
  const name = `${setting}: stage "${ref}"`;
  const stages = await ctx.stages();
  const found = stages.find((s) => s.id === ref) ?? stages.find((s) => same(s.text, ref));
  if (found) return pass(name, `exists (${found.id}, "${found.text}")`);
  return fail(name, 'no Lever stage has this id or name', `set ${setting} to one of: ${stages.map((s) => `"${s.text}"`).join(', ')}`);
}

/** A "perform as" user exists, is active, and has a role that may create opportunities. */
export async function performAsUser(ctx: CheckContext, setting: string, email: string): Promise<CheckResult> {
  const name = `${setting}: Lever user ${email}`;
  const users = await ctx.usersByEmail(email);
  if (users.length === 0)
    return fail(name, 'no Lever user has this email', `set ${setting} to the email of an active Lever user, or invite this user in Lever`);
  const active = users.find((u) => !u.deactivatedAt);
  if (!active)
    return fail(name, 'the user is deactivated', `reactivate the user in Lever (Settings -> Users) or set ${setting} to an active user`);
  if (!mayCreateOpportunities(active.accessRole)) {
    return fail(
      name,
      `the role "${active.accessRole ?? 'unknown'}" may not create opportunities`,
      `give the user one of the roles ${ROLES_THAT_MAY_CREATE_OPPORTUNITIES.join(', ')}, or set ${setting} to such a user`,
    );
  }
  return pass(name, `active, ${active.accessRole}`);
}

/** A posting named in configuration exists and the key can see it. */
export async function postingExists(ctx: CheckContext, setting: string, postingId: string): Promise<CheckResult> {
  const name = `${setting}: posting ${postingId}`;
  try {
    const posting = await ctx.lever.getPosting(postingId);
    return pass(name, `exists ("${posting.text}", ${posting.state})`);
  } catch (error) {
    return fail(name, reason(error), `fix the posting id in ${setting} (a confidential posting needs a key with access to it)`);
  }
}

/** The partner answers an authenticated request with anything but 401/403: it knows our key. */
export async function partnerAnswers(
  title: string,
  baseUrl: string,
  authorization: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CheckResult> {
  const name = `${title}: API at ${baseUrl}`;
  try {
    const response = await fetchImpl(`${baseUrl}/`, {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 401 || response.status === 403) {
      return fail(name, `refused our key (${response.status})`, `check the ${title} API key (and its prefix) in the configuration`);
    }
    return pass(name, `answers with our key (${response.status})`);
  } catch (error) {
    return fail(name, `unreachable: ${reason(error)}`, `check the ${title} base URL and the network between the worker and it`);
  }
}
