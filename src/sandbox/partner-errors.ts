// The error format of the simulated partners whose contract ../shared/spec/partners.md sets (HRLogics, Wintro, the
// technical-interview platform): `{error: <code>}` plus, for a bad request, the failing fields.
import { SimError, type ErrorFormat } from './http';

export const partnerError = (status: number, error: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  new SimError(status, { error, ...extra }, headers);

export const partnerErrors: ErrorFormat = {
  badRequest: (message, fields) => partnerError(400, 'invalid_request', { message, ...(fields ? { fields } : {}) }),
  notFound: (message) => partnerError(404, 'not_found', { message }),
  conflict: (message) => partnerError(409, 'conflict', { message }),
  internal: (message) => partnerError(500, 'internal_error', { message }),
  rateLimited: () => partnerError(429, 'rate_limited', {}, { 'retry-after': '1' }),
  unavailable: () => partnerError(503, 'unavailable'),
};

export const partnerUnauthorized = () => partnerError(401, 'unauthorized');

export const idempotencyKeyReused = (key: string) =>
  partnerError(422, 'idempotency_key_reused', { message: `Idempotency-Key ${key} was first used on another endpoint` });
