// Lever list envelopes: `limit` 1..100 (default 100), `next` is opaque and comes back as `offset`.
// The token is deliberately not a bare number so clients cannot get away with computing offsets.
import type { Request } from 'express';
import type { LeverPage } from '../../lever/types';
import { queryOne, SimProblem } from '../http';

const MAX_LIMIT = 100;

export function paginate<T>(items: readonly T[], req: Request): LeverPage<T> {
  const limitText = queryOne(req, 'limit');
  const limit = limitText === undefined ? MAX_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new SimProblem('badRequest', `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const offsetText = queryOne(req, 'offset');
  const start = offsetText === undefined ? 0 : decodeOffset(offsetText);
  const end = start + limit;
  const page: LeverPage<T> = { data: items.slice(start, end), hasNext: end < items.length };
  if (page.hasNext) page.next = encodeOffset(end);
  return page;
}

function encodeOffset(index: number): string {
  return Buffer.from(JSON.stringify({ at: index })).toString('base64url');
}

function decodeOffset(token: string): number {
  try {
    const { at } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { at?: unknown };
    if (typeof at === 'number' && Number.isInteger(at) && at >= 0) return at;
  } catch {
    // falls through to the 400
  }
  throw new SimProblem('badRequest', 'offset is not a `next` value from a previous page');
}
