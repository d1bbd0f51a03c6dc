// Who may do what. Each role includes the ones before it:
//   viewer    sees the console's pages and statuses (settings, health, counts, the audit log), never candidate data
//   operator  also acts: Sync, backfills, syncing an opportunity, and reads candidate data through the codec
//   admin     also changes settings, Lever's webhooks and API tokens
// The ADMIN_TOKEN (bearer, or the token sign-in) is the break-glass admin: it is always `admin`, and the audit
// log names it `admin-token`, so its use stands out from named people and tokens.
import { HttpProblem } from '../http/problems';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Whether `role` may do what needs at least `minimum`. */
export const allows = (role: Role, minimum: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(minimum);

/** A 403 for an asker who is known but whose role is too small (not a stale form: the console says which). */
export class RoleTooSmall extends HttpProblem {
  constructor(role: Role, minimum: Role) {
    super(403, `this needs the ${minimum} role (you are ${role})`);
  }
}

/** A 403 naming the role needed, for an asker who is known but may not do this. */
export function requireRole(role: Role, minimum: Role): void {
  if (!allows(role, minimum)) throw new RoleTooSmall(role, minimum);
}
