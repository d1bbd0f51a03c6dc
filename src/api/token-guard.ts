// Lever signs only token + triggeredAt, so a captured delivery could be replayed with other `data`.
// This remembers which payload each recent token came with and refuses a token reused for another one.
// It is per process (the API is stateless); the Data API confirmation in every workflow is the real guard.
import { createHash } from 'node:crypto';

export class TokenGuard {
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  /** True when the token is new or came with this same payload before. */
  accept(token: string, payload: unknown): boolean {
    const digest = createHash('sha256').update(JSON.stringify(payload)).digest('base64');
    const previous = this.seen.get(token);
    if (previous !== undefined) return previous === digest;
    if (this.seen.size >= this.capacity) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(token, digest);
    return true;
  }
}
