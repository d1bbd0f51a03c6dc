// A partner's callbacks are refused because their signature does not match <PARTNER>_CALLBACK_SECRET: the
// partner signs with another secret (rotated on their side, or ours changed and theirs did not), so every
// result it sends is lost until the secrets agree (the partner retries for a while). A few refusals within
// the observation window are needed: one forged request is not a partner's habit. Counted by every API.
import { integrations } from '../../integrations';
import { countsIn } from '../observed';
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { spokenDuration } from './wording';

/** Refused callbacks of one partner within the window that make an issue. */
export const CALLBACKS_REFUSED_THRESHOLD = 3;

export function callbackSignatureFindings(facts: Facts): Finding[] {
  const windowMs = facts.config.issues.observationWindowMs;
  const { callbacksRefused } = countsIn(facts.observed, facts.at, windowMs);
  return Object.entries(callbacksRefused)
    .filter(([, refused]) => refused >= CALLBACKS_REFUSED_THRESHOLD)
    .map(([name, refused]) => {
      const title = Object.values(integrations).find((i) => i.name === name)?.title ?? name;
      const variable = `${name.toUpperCase().replace(/-/g, '_')}_CALLBACK_SECRET`;
      return {
        id: `callback-signatures:${name}`,
        kind: 'callback-signatures',
        integration: name,
        title: `${refused} ${title} callbacks refused for a bad signature in the last ${spokenDuration(windowMs)}: ${title} signs with another secret`,
        fix: `Compare the signing secret in ${title}'s webhook settings with ${variable} (rotated on one side only?) and set the same on both; ${title} retries the refused callbacks for a while, so they arrive once the secrets agree. If ${title} did not send them, someone forges callbacks: they change nothing`,
        subject: { type: 'partner', id: name, name: title },
      } satisfies Finding;
    });
}
