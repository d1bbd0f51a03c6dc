// The token string a script sends as `Authorization: Bearer`: `lrt_<id>_<secret>`. The id is public and
// random, so an API finds the token by it without looking at the secret; the secret is 256 random bits, so
// one SHA-256 of the whole string is all the hashing it needs (no salt or slow hash: nothing to guess).
// Only the hash is kept; the string is shown once, when the token is created.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'lrt_';
const TOKEN_PATTERN = /^lrt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
export const TOKEN_ID_PATTERN = /^[0-9a-f]{16}$/;

export interface NewToken {
  id: string;
  /** The whole token string: shown once, never kept. */
  token: string;
  hash: string;
}

export function hashOfToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): NewToken {
  const id = randomBytes(8).toString('hex');
  const token = `${PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashOfToken(token) };
}

/** The id a bearer value names, when it has the form of one of our tokens. */
export function tokenIdOf(bearer: string): string | undefined {
  return TOKEN_PATTERN.exec(bearer)?.[1];
}

/** Whether a bearer value is the token whose hash is kept, in constant time. */
export function matchesHash(bearer: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'hex');
  const given = createHash('sha256').update(bearer).digest();
  return expected.length === given.length && timingSafeEqual(given, expected);
}
