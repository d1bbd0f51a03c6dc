// Lever answered 429 within the observation window: the relay ran into the per-key limit. Our own requests
// never should (the Lever queue's rate is below Lever's), so another client spends the same key's budget, or
// LEVER_RATE_LIMIT_PER_SECOND is set above what Lever gives. Counted by every worker's Lever client.
import { countsIn } from '../observed';
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { LEVER_API_SETTINGS } from '../links';
import { spokenDuration } from './wording';

export function leverRateLimitedFindings(facts: Facts): Finding[] {
  const windowMs = facts.config.issues.observationWindowMs;
  const { leverRateLimited } = countsIn(facts.observed, facts.at, windowMs);
  if (leverRateLimited === 0) return [];
  return [
    {
      id: 'lever-rate-limited',
      kind: 'lever-rate-limited',
      title: `Lever answered 429 (rate limited) ${leverRateLimited} time${leverRateLimited === 1 ? '' : 's'} in the last ${spokenDuration(windowMs)}`,
      fix: `Find who else uses this Lever API key (another integration or script shares its 10 requests/s) and give it its own key, or lower LEVER_RATE_LIMIT_PER_SECOND (now ${facts.config.lever.ratePerSecond}); work is retried after Retry-After, nothing is lost`,
      subject: { type: 'lever-key', id: 'LEVER_API_KEY' },
      links: [{ text: 'Lever API credentials', href: LEVER_API_SETTINGS }],
    },
  ];
}
