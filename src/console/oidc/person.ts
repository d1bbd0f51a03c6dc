// Who a person the identity provider vouches for is to the relay: their email (what the audit log names) and
// the role the configured lists give them. The first role whose email or group list names them wins, most
// powerful first; a person no list names gets OIDC_DEFAULT_ROLE (`none`: refused). Used for console sign-ins
// (the ID token's claims) and for the codec's access tokens (the provider's userinfo).
import { OIDC_ROLES, type OidcConfig } from '../../config/oidc';
import type { Role } from '../roles';

export type Claims = Record<string, unknown>;

export interface Person {
  /** Lower-cased: lists and audit entries compare and read the same whatever case the provider sends. */
  email: string;
  role: Role;
}

export type PersonOrRefusal = { person: Person } | { refused: string };

/** The claim's value: by its exact name first (`https://example.com/groups`), else as a dotted path (`realm_access.roles`). */
function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  return name.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Claims)[key] : undefined), claims);
}

/** Whether the claims carry this claim at all (else the provider may have left it for userinfo). */
export const hasClaim = (claims: Claims, name: string): boolean => claimAt(claims, name) !== undefined;

/** The groups a person is in: a list of names, or one name. */
export function groupsOf(claims: Claims, claim: string | undefined): string[] {
  if (!claim) return [];
  const value = claimAt(claims, claim);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function personOf(claims: Claims, config: OidcConfig): PersonOrRefusal {
  if (typeof claims.email !== 'string' || claims.email === '')
    return { refused: 'The identity provider did not share an email address (the relay asks for the "email" scope; see OIDC_SCOPES).' };
  const email = claims.email.toLowerCase();
  // A provider that says the address is unverified may let anyone claim it; one that says nothing vouches for it.
  if (claims.email_verified === false || claims.email_verified === 'false')
    return { refused: `The identity provider has not verified ${email}.` };
  const groups = groupsOf(claims, config.groupsClaim);
  const role = OIDC_ROLES.find((r) => config.emails[r].includes(email) || config.groups[r].some((g) => groups.includes(g)));
  if (role) return { person: { email, role } };
  if (config.defaultRole === 'viewer') return { person: { email, role: 'viewer' } };
  return {
    refused: `${email} has no role in this relay. An admin can add them to OIDC_ADMIN_EMAILS, OIDC_OPERATOR_EMAILS or OIDC_VIEWER_EMAILS (or a group of OIDC_*_GROUPS).`,
  };
}
