// CSRF: a state-changing request that a session cookie authenticates must also carry that session's token,
// which only our own pages know (a hidden `_csrf` field in each form, or `X-CSRF-Token` for JSON). A forged
// form on another site gets the cookie (were SameSite ever bypassed) but never the token.
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Session } from './session';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(req: Request): boolean {
  return !SAFE_METHODS.has(req.method.toUpperCase());
}

/** The token a request carries: the header, else the form field (only once the form body has been parsed). */
function givenToken(req: Request): string {
  const header = req.get(CSRF_HEADER);
  if (header) return header;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === 'string') return field;
  }
  return '';
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function carriesCsrfToken(req: Request, session: Session): boolean {
  return timingSafeEqual(digest(givenToken(req)), digest(session.csrf));
}
