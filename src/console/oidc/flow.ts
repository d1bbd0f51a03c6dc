// A sign-in under way, kept by the browser that started it: the state, nonce and PKCE verifier of this one
// authorization request and where to go afterwards, sealed (signed) in a short-lived HttpOnly cookie. Only
// the provider's redirect back to `/console/oidc/callback` carries it (its path), and `SameSite=Lax` because
// that redirect is a top-level navigation from the provider's site, which a `Strict` cookie would miss. The
// callback clears it at once, so each flow is answered once.
import type { Request, Response } from 'express';
import { clearCookie, readCookie, setCookie, type CookieOptions } from '../cookies';
import { seal, unseal } from '../sealed';

export const FLOW_COOKIE = 'relay_oidc_flow';
/** Long enough to type a password and approve a second factor; short enough that a stolen cookie soon is worthless. */
export const FLOW_TTL_MS = 10 * 60 * 1000;
const PURPOSE = 'lever-relay oidc sign-in v1';
const COOKIE: CookieOptions = { sameSite: 'Lax', path: '/console/oidc' };

export interface Flow {
  /** Binds the provider's answer to this browser's request (CSRF of the callback). */
  state: string;
  /** Binds the ID token to this request (a token issued for another one is refused). */
  nonce: string;
  /** PKCE: only who holds it can exchange the code, so a code seen in transit is useless alone. */
  verifier: string;
  /** Console page to go to once signed in. */
  next: string;
  /** Epoch ms after which the flow is refused. */
  exp: number;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

export function encodeFlow(flow: Flow, adminToken: string): string {
  return seal(flow, adminToken, PURPOSE);
}

/** The flow this browser started, if its cookie is genuine and has not expired. */
export function decodeFlow(value: string | undefined, adminToken: string, now: number): Flow | undefined {
  const flow = unseal(value, adminToken, PURPOSE) as Partial<Flow> | undefined;
  if (!flow || typeof flow !== 'object') return undefined;
  if (!isText(flow.state) || !isText(flow.nonce) || !isText(flow.verifier) || !isText(flow.next)) return undefined;
  if (typeof flow.exp !== 'number' || flow.exp <= now) return undefined;
  return { state: flow.state, nonce: flow.nonce, verifier: flow.verifier, next: flow.next, exp: flow.exp };
}

export function flowOf(req: Request, adminToken: string, now: number): Flow | undefined {
  return decodeFlow(readCookie(req, FLOW_COOKIE), adminToken, now);
}

export function setFlowCookie(res: Response, req: Request, publicUrl: string, flow: Flow, adminToken: string, now: number): void {
  setCookie(res, req, publicUrl, { name: FLOW_COOKIE, value: encodeFlow(flow, adminToken), expires: flow.exp, now, ...COOKIE });
}

export function clearFlowCookie(res: Response, req: Request, publicUrl: string): void {
  clearCookie(res, req, publicUrl, FLOW_COOKIE, COOKIE);
}
