// Guessing the admin token is slowed down: more than 5 failed sign-ins within a minute from one address
// are answered 429 until the minute has passed. In memory per API (each API of a cluster counts its own);
// enough to make guessing a 16+ character token hopeless.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
/** Addresses remembered at most, so a flood from many addresses cannot grow the map without bound. */
const MAX_ADDRESSES = 10_000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(address: string): number[] {
    const since = this.now() - WINDOW_MS;
    const list = (this.failures.get(address) ?? []).filter((at) => at > since);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }

  /** Whether this address has used up its attempts for now. */
  blocked(address: string): boolean {
    return this.recent(address).length >= MAX_FAILURES;
  }

  /** Seconds until the address may try again. */
  retryAfterSeconds(address: string): number {
    const oldest = this.recent(address)[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }

  fail(address: string): void {
    if (!this.failures.has(address) && this.failures.size >= MAX_ADDRESSES) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
    this.failures.set(address, [...this.recent(address), this.now()]);
  }
}
