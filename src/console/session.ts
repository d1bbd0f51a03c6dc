// The console's session: a stateless signed cookie, so every API of a cluster accepts a session another
// one issued without sharing any state. It carries who signed in, until when, and the CSRF token of that
// session; an HMAC-SHA256 under a key derived from ADMIN_TOKEN signs it (sealed.ts), so rotating the token
// ends every session.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { clearCookie, readCookie, setCookie, type CookieOptions } from './cookies';
import { isRole, type Role } from './roles';
import { seal, unseal } from './sealed';

export { readCookie } from './cookies';

export const SESSION_COOKIE = 'relay_console';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const PURPOSE = 'lever-relay console session v1';
const COOKIE: CookieOptions = { sameSite: 'Strict', path: '/' };

export interface Session {
  /** Who signed in: a person's email (OIDC), or `admin-token` for a sign-in with the admin token. */
  sub: string;
  /** What they may do; signed with the rest, so a person cannot raise it. */
  role: Role;
  /** Epoch ms after which the cookie is refused. */
  exp: number;
  /** Must come back with every state-changing request of this session. */
  csrf: string;
  /** The ID token of an OIDC sign-in: the hint the provider's sign-out needs to know whom to sign out. */
  idToken?: string;
}

export function encodeSession(session: Session, adminToken: string): string {
  return seal(session, adminToken, PURPOSE);
}

/** The session a cookie value carries, if its signature holds and it has not expired. */
export function decodeSession(value: string | undefined, adminToken: string, now: number): Session | undefined {
  const session = unseal(value, adminToken, PURPOSE) as Partial<Session> | undefined;
  if (!session || typeof session !== 'object') return undefined;
  if (typeof session.sub !== 'string' || typeof session.exp !== 'number' || typeof session.csrf !== 'string') return undefined;
  // A cookie from before roles existed names none: it is refused, and its holder signs in again.
  if (!isRole(session.role) || session.exp <= now) return undefined;
  return {
    sub: session.sub,
    role: session.role,
    exp: session.exp,
    csrf: session.csrf,
    ...(typeof session.idToken === 'string' ? { idToken: session.idToken } : {}),
  };
}

export function newSession(sub: string, role: Role, now: number, idToken?: string): Session {
  return { sub, role, exp: now + SESSION_TTL_MS, csrf: randomBytes(24).toString('base64url'), ...(idToken ? { idToken } : {}) };
}

export function sessionOf(req: Request, adminToken: string, now: number): Session | undefined {
  return decodeSession(readCookie(req, SESSION_COOKIE), adminToken, now);
}

export function setSessionCookie(res: Response, req: Request, publicUrl: string, session: Session, adminToken: string, now: number): void {
  setCookie(res, req, publicUrl, { name: SESSION_COOKIE, value: encodeSession(session, adminToken), expires: session.exp, now, ...COOKIE });
}

export function clearSessionCookie(res: Response, req: Request, publicUrl: string): void {
  clearCookie(res, req, publicUrl, SESSION_COOKIE, COOKIE);
}
