// What a person or script asks for when creating a token: a name, a role and an expiry (a number of days, or
// a time), the same rules for the JSON API and the console's form. Every problem names its field.
import { z } from 'zod';
import { ROLES, type Role } from '../console/roles';
import { describeIssues, HttpProblem } from '../http/problems';

/** A token lives at most this long: a script's credential is renewed at least once a year. */
export const MAX_TOKEN_DAYS = 365;
const DAY_MS = 86_400_000;

export interface TokenRequest {
  name: string;
  role: Role;
  /** Epoch ms. */
  expiresAt: number;
}

const tokenRequest = z
  .object({
    name: z
      .string({ error: 'must be a text' })
      .trim()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
        'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. "ci-deploy")',
      ),
    role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
    expiresInDays: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS}`)
      .optional(),
    expiresAt: z.iso.datetime({ offset: true, error: 'must be a time such as 2027-06-30T00:00:00Z' }).optional(),
  })
  .strict();

/** The request as the workflow takes it, or a 400 naming each field that is wrong. */
export function parseTokenRequest(body: unknown, now: number): TokenRequest {
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) throw new HttpProblem(400, 'invalid API token request', describeIssues(parsed.error));
  const { name, role, expiresInDays, expiresAt } = parsed.data;
  const refuse = (field: string, message: string): never => {
    throw new HttpProblem(400, 'invalid API token request', [{ field, message }]);
  };
  if ((expiresInDays === undefined) === (expiresAt === undefined))
    refuse('expiresInDays', 'give either expiresInDays (1 to 365) or expiresAt (a time), not both');
  if (expiresInDays !== undefined) return { name, role, expiresAt: now + expiresInDays * DAY_MS };
  const at = Date.parse(expiresAt!);
  if (at <= now) refuse('expiresAt', 'must be in the future');
  if (at > now + MAX_TOKEN_DAYS * DAY_MS) refuse('expiresAt', `must be within ${MAX_TOKEN_DAYS} days`);
  return { name, role, expiresAt: at };
}
