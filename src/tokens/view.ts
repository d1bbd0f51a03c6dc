// What the console and `GET /admin/tokens` show of a token: everything but its hash (and never its secret,
// which nobody keeps).
import type { StoredToken } from './messages';

export type TokenState = 'active' | 'expired' | 'revoked';

/** A stored token without its hash, with its state now: derived, so a new stored field shows by itself. */
export type TokenView = Omit<StoredToken, 'hash'> & { state: TokenState };

export function tokenView(token: StoredToken, now: number): TokenView {
  const { hash: _hash, ...shown } = token;
  const state: TokenState = token.revokedAt !== undefined ? 'revoked' : token.expiresAt <= now ? 'expired' : 'active';
  return { ...shown, state };
}

/** Tokens in force first, then the newest. */
export function listedTokens(tokens: StoredToken[], now: number): TokenView[] {
  const rank = { active: 0, expired: 1, revoked: 2 } as const;
  return tokens.map((token) => tokenView(token, now)).sort((a, b) => rank[a.state] - rank[b.state] || b.createdAt - a.createdAt);
}
