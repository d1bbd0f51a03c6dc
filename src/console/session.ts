// The console's session: a stateless signed cookie, so every API of a cluster accepts a session another
// one issued without sharing any state. It carries who signed in, until when, and the CSRF token of that
// session; an HMAC-SHA256 under a key derived from ADMIN_TOKEN signs it, so rotating the token ends every
// session.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { isRole, type Role } from './roles';

export const SESSION_COOKIE = 'relay_console';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface Session {
  /** Who signed in: `admin-token` for a sign-in with the admin token. */
  sub: string;
  /** What they may do; signed with the rest, so a person cannot raise it. */
  role: Role;
  /** Epoch ms after which the cookie is refused. */
  exp: number;
  /** Must come back with every state-changing request of this session. */
  csrf: string;
}

/** A key of its own for sessions: the admin token itself never signs anything. */
function sessionKey(adminToken: string): Buffer {
  return createHmac('sha256', adminToken).update('lever-relay console session v1').digest();
}

function sign(payload: string, adminToken: string): string {
  return createHmac('sha256', sessionKey(adminToken)).update(payload).digest('base64url');
}

export function encodeSession(session: Session, adminToken: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, adminToken)}`;
}

/** The session a cookie value carries, if its signature holds and it has not expired. */
export function decodeSession(value: string | undefined, adminToken: string, now: number): Session | undefined {
  if (!value || !adminToken) return undefined;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, adminToken));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Session>;
    if (typeof session.sub !== 'string' || typeof session.exp !== 'number' || typeof session.csrf !== 'string') return undefined;
    // A cookie from before roles existed names none: it is refused, and its holder signs in again.
    if (!isRole(session.role) || session.exp <= now) return undefined;
    return { sub: session.sub, role: session.role, exp: session.exp, csrf: session.csrf };
  } catch {
    return undefined;
  }
}

export function newSession(sub: string, role: Role, now: number): Session {
  return { sub, role, exp: now + SESSION_TTL_MS, csrf: randomBytes(24).toString('base64url') };
}

/** One cookie from the Cookie header (express has no cookie parser, and we need only this one). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionOf(req: Request, adminToken: string, now: number): Session | undefined {
  return decodeSession(readCookie(req, SESSION_COOKIE), adminToken, now);
}

/** `Secure` when the browser reached us over HTTPS (directly, or the public URL says so behind a proxy). */
function cookieAttributes(req: Request, publicUrl: string): string {
  const secure = req.secure || publicUrl.startsWith('https:');
  return `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function setSessionCookie(res: Response, req: Request, publicUrl: string, session: Session, adminToken: string, now: number): void {
  const maxAge = Math.max(0, Math.round((session.exp - now) / 1000));
  res.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=${encodeSession(session, adminToken)}; ${cookieAttributes(req, publicUrl)}; Max-Age=${maxAge}; Expires=${new Date(session.exp).toUTCString()}`,
  );
}

export function clearSessionCookie(res: Response, req: Request, publicUrl: string): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=; ${cookieAttributes(req, publicUrl)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`);
}
