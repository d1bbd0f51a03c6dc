// HRLogics error bodies: `{error: <code>}` plus, for a bad request, the failing fields (spec/partners.md).
import { SimError, type ErrorFormat } from '../http';

const hrlogics = (status: number, error: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  new SimError(status, { error, ...extra }, headers);

export const hrlogicsErrors: ErrorFormat = {
  badRequest: (message, fields) => hrlogics(400, 'invalid_request', { message, ...(fields ? { fields } : {}) }),
  notFound: (message) => hrlogics(404, 'not_found', { message }),
  conflict: (message) => hrlogics(409, 'conflict', { message }),
  internal: (message) => hrlogics(500, 'internal_error', { message }),
  rateLimited: () => hrlogics(429, 'rate_limited', {}, { 'retry-after': '1' }),
  unavailable: () => hrlogics(503, 'unavailable'),
};

export const hrlogicsUnauthorized = () => hrlogics(401, 'unauthorized');

export const idempotencyKeyReused = (key: string) =>
  hrlogics(422, 'idempotency_key_reused', { message: `Idempotency-Key ${key} was first used on another endpoint` });
