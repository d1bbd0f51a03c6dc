// Values the browser keeps for us but cannot change (a session, a sign-in under way): base64url JSON and an
// HMAC-SHA256 of it under a key derived from the admin token for one purpose, so one kind of value never passes
// for another, and rotating the admin token voids them all. Signed, not encrypted: never seal a secret the
// holder of the cookie may not read.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A key of its own per purpose: the admin token itself never signs anything. */
function keyFor(adminToken: string, purpose: string): Buffer {
  return createHmac('sha256', adminToken).update(purpose).digest();
}

function sign(payload: string, adminToken: string, purpose: string): string {
  return createHmac('sha256', keyFor(adminToken, purpose)).update(payload).digest('base64url');
}

export function seal(value: unknown, adminToken: string, purpose: string): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(payload, adminToken, purpose)}`;
}

/** The value sealed for this purpose, or undefined if the text is not one (forged, altered, another purpose). */
export function unseal(text: string | undefined, adminToken: string, purpose: string): unknown {
  if (!text || !adminToken) return undefined;
  const [payload, signature, extra] = text.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, adminToken, purpose));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
