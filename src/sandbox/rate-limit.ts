// Lever's limit is a token bucket per API key (../shared/spec/lever.md section 2): a full bucket allows a burst,
// then requests pass only as fast as tokens refill. Every worker sharing the key drains the same bucket.

export interface RateSettings {
  perSecond: number;
  burst: number;
}

class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly rate: RateSettings,
    private readonly now: () => number,
  ) {
    this.tokens = rate.burst;
    this.refilledAt = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rate: RateSettings,
    private readonly now: () => number = Date.now,
  ) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1)) throw new Error('rate limit needs perSecond > 0 and burst >= 1');
  }

  /** false: this key is over its limit right now. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.rate, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
