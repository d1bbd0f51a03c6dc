// Who is asking: every console page and `/admin/*` route needs a person signed in (the console's session
// cookie) or a script with `Authorization: Bearer <ADMIN_TOKEN>`. A session's state-changing requests must
// carry its CSRF token; a bearer request needs none (a browser never adds that header by itself).
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '../http/problems';
import { carriesCsrfToken, changesState } from './csrf';
import { sessionOf } from './session';

export interface Actor {
  /** Shown in the audit log: `admin-token` for the bearer token or a token sign-in. */
  id: string;
  via: 'session' | 'bearer';
}

/** The subject of every sign-in with the admin token (and of the bearer token itself). */
export const ADMIN_TOKEN_SUBJECT = 'admin-token';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function isAdminToken(given: string, adminToken: string): boolean {
  return adminToken !== '' && timingSafeEqual(digest(given), digest(adminToken));
}

function bearerOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

/** The actor of a request, or a 401 (and 403 for a session change without its CSRF token). */
export function requireActor(req: Request, adminToken: string, now = Date.now()): Actor {
  if (!adminToken) throw new HttpProblem(403, 'admin endpoints are disabled: set ADMIN_TOKEN');
  const bearer = bearerOf(req);
  if (bearer !== undefined) {
    // A request that names a token is judged by it alone, whatever cookie comes with it.
    if (!isAdminToken(bearer, adminToken)) throw new HttpProblem(401, 'Authorization: Bearer <ADMIN_TOKEN> is required');
    return { id: ADMIN_TOKEN_SUBJECT, via: 'bearer' };
  }
  const session = sessionOf(req, adminToken, now);
  if (!session) throw new HttpProblem(401, 'sign in at /console/sign-in, or send Authorization: Bearer <ADMIN_TOKEN>');
  if (changesState(req) && !carriesCsrfToken(req, session)) {
    throw new HttpProblem(403, 'this change needs the CSRF token of the session (the _csrf field or X-CSRF-Token header)');
  }
  return { id: session.sub, via: 'session' };
}
