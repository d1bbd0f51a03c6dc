// Who is asking, and whether they may: every console page and `/admin/*` route needs a person signed in (the
// console's session cookie) or a script with `Authorization: Bearer <ADMIN_TOKEN or a named API token>` (see
// src/tokens), and a minimum role (see roles.ts). Without credentials the answer is 401; with a role too small
// for the route, 403. A session's state-changing requests must carry its CSRF token; a bearer request needs
// none (a browser never adds that header by itself).
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '../http/problems';
import { API_TOKENS_LOCAL, type TokenVerifier } from '../tokens/live';
import { carriesCsrfToken, changesState } from './csrf';
import { requireRole, type Role } from './roles';
import { sessionOf } from './session';

export interface Actor {
  /** Shown in the audit log: a person's email, `admin-token` for the bearer token or a token sign-in, `token:<name>` for an API token. */
  id: string;
  /** `access-token`: an OIDC provider's access token (only the codec takes one, src/console/oidc/access-tokens.ts). */
  via: 'session' | 'bearer' | 'access-token';
  role: Role;
}

/** The subject of every sign-in with the admin token (and of the bearer token itself): the break-glass admin. */
export const ADMIN_TOKEN_SUBJECT = 'admin-token';

/** How the audit log names a change made with a named API token: `token:<name>`. */
export const NAMED_TOKEN_PREFIX = 'token:';

/** The named API tokens of this API: createApp keeps its LiveTokens in `app.locals` (none in a bare router's tests). */
const tokenVerifierOf = (req: Request): TokenVerifier | undefined =>
  (req.app?.locals as Record<string, TokenVerifier | undefined> | undefined)?.[API_TOKENS_LOCAL];

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function isAdminToken(given: string, adminToken: string): boolean {
  return adminToken !== '' && timingSafeEqual(digest(given), digest(adminToken));
}

export function bearerOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

/**
 * Who is asking, or a 401 (and 403 for a session change without its CSRF token). It does not look at the
 * role: use `requireActor` for that, unless the caller decides itself (the codec endpoint). `csrf: false` only
 * for a POST that changes nothing and that only the exact origin allowed by CORS may send with the cookie (the
 * codec: the Temporal UI cannot know the session's CSRF token).
 */
export function identify(req: Request, adminToken: string, now = Date.now(), { csrf = true }: { csrf?: boolean } = {}): Actor {
  if (!adminToken) throw new HttpProblem(403, 'admin endpoints are disabled: set ADMIN_TOKEN');
  const bearer = bearerOf(req);
  if (bearer !== undefined) {
    // A request that names a token is judged by it alone, whatever cookie comes with it.
    if (isAdminToken(bearer, adminToken)) return { id: ADMIN_TOKEN_SUBJECT, via: 'bearer', role: 'admin' };
    const holder = tokenVerifierOf(req)?.verify(bearer, now);
    if (holder) return { id: `${NAMED_TOKEN_PREFIX}${holder.name}`, via: 'bearer', role: holder.role };
    throw new HttpProblem(401, 'Authorization: Bearer <ADMIN_TOKEN or an API token in force> is required');
  }
  const session = sessionOf(req, adminToken, now);
  if (!session) throw new HttpProblem(401, 'sign in at /console/sign-in, or send Authorization: Bearer <ADMIN_TOKEN>');
  if (csrf && changesState(req) && !carriesCsrfToken(req, session)) {
    throw new HttpProblem(403, 'this change needs the CSRF token of the session (the _csrf field or X-CSRF-Token header)');
  }
  return { id: session.sub, via: 'session', role: session.role };
}

/** `requireActor` bound to one API's admin token and clock (the injected one in tests): what each `/admin/*` route asks. */
export type Authorize = (req: Request, minimum: Role) => Actor;

export function authorizer(adminToken: string, now: () => number = Date.now): Authorize {
  return (req, minimum) => requireActor(req, adminToken, minimum, now());
}

/** The actor of a request whose role is at least `minimum`: 401 without credentials, 403 with too small a role. */
export function requireActor(req: Request, adminToken: string, minimum: Role, now = Date.now()): Actor {
  const actor = identify(req, adminToken, now);
  requireRole(actor.role, minimum);
  return actor;
}
