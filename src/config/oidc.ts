// Single sign-on for people: the console signs people in through an OpenID Connect provider when
// `OIDC_ISSUER_URL`, `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` (or `OIDC_CLIENT_SECRET_FILE`) are set, and gives
// each a role from lists of emails or of groups (a claim of the ID token or userinfo). Unset: the console signs
// in with the admin token only, as before.
import { z } from 'zod';
import type { EnvReader } from './env';

/** The roles OIDC can give (src/console/roles.ts), most powerful first: the first list that names a person wins. */
export const OIDC_ROLES = ['admin', 'operator', 'viewer'] as const;
export type OidcRole = (typeof OIDC_ROLES)[number];

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in page's button: "Sign in with <providerName>". */
  providerName: string;
  /** Space-separated scopes asked for: `openid email` at least (the email names the person in the audit log). */
  scopes: string;
  /** Lower-cased emails per role. */
  emails: Record<OidcRole, string[]>;
  /** The claim that lists a person's groups (e.g. `groups`); undefined: roles come from emails alone. */
  groupsClaim?: string;
  groups: Record<OidcRole, string[]>;
  /** What a person the provider signs in gets when no list names them: refused (`none`) or `viewer`. */
  defaultRole: 'none' | 'viewer';
}

/** Loopback issuers may use plain HTTP (a provider on the same machine, as in the tests); any other must use HTTPS. */
export const isLoopback = (hostname: string): boolean => ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);

export function readOidcConfig(r: EnvReader, adminToken: string): OidcConfig | undefined {
  // Kept exactly as given: the provider's discovery document must name the same issuer, trailing slash and all.
  const issuerUrl = r.get('OIDC_ISSUER_URL', z.url(), undefined);
  const clientId = r.get('OIDC_CLIENT_ID', z.string().min(1), undefined);
  const clientSecret = r.get('OIDC_CLIENT_SECRET', z.string().min(1), undefined);
  const given = [issuerUrl, clientId, clientSecret].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) {
    r.problems.push('OIDC sign-in needs all of OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or OIDC_CLIENT_SECRET_FILE)');
    return undefined;
  }
  const issuer = new URL(issuerUrl!);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer.hostname))
    r.problems.push(`OIDC_ISSUER_URL must use https (plain http only for a provider on this machine): ${issuerUrl}`);
  // Sessions are signed with a key derived from the admin token, which also stays as the break-glass sign-in.
  if (!adminToken) r.problems.push('OIDC sign-in needs ADMIN_TOKEN too: it signs the console sessions and is the break-glass sign-in');

  const lower = (list: string[]) => list.map((v) => v.toLowerCase());
  const emails = {
    admin: lower(r.list('OIDC_ADMIN_EMAILS', [])),
    operator: lower(r.list('OIDC_OPERATOR_EMAILS', [])),
    viewer: lower(r.list('OIDC_VIEWER_EMAILS', [])),
  };
  const groups = {
    admin: r.list('OIDC_ADMIN_GROUPS', []),
    operator: r.list('OIDC_OPERATOR_GROUPS', []),
    viewer: r.list('OIDC_VIEWER_GROUPS', []),
  };
  const groupsClaim = r.get('OIDC_GROUPS_CLAIM', z.string().min(1), undefined);
  const anyGroup = OIDC_ROLES.some((role) => groups[role].length > 0);
  if (anyGroup && !groupsClaim) r.problems.push('OIDC_*_GROUPS need OIDC_GROUPS_CLAIM: the claim that lists the groups a person is in');
  const defaultRole = r.get('OIDC_DEFAULT_ROLE', z.enum(['none', 'viewer']), 'none');
  if (defaultRole === 'none' && !anyGroup && OIDC_ROLES.every((role) => emails[role].length === 0))
    r.problems.push('OIDC sign-in would refuse everyone: set OIDC_ADMIN_EMAILS (or other OIDC_*_EMAILS / OIDC_*_GROUPS)');

  return {
    issuerUrl: issuerUrl!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    providerName: r.get('OIDC_PROVIDER_NAME', z.string().min(1).max(60), issuer.hostname),
    scopes: r.get(
      'OIDC_SCOPES',
      z
        .string()
        .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be space-separated scopes')
        .refine((v) => v.split(' ').includes('openid') && v.split(' ').includes('email'), { message: 'must include openid and email' }),
      'openid email profile',
    ),
    emails,
    ...(groupsClaim ? { groupsClaim } : {}),
    groups,
    defaultRole,
  };
}
