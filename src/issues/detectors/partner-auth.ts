// A partner refuses our key (401/403): every call to it fails without retry until the key is fixed.
// Found by each integration's check of its partner's API (`partnerAnswers` in integrations/kit/checks.ts).
import type { Facts } from '../facts';
import type { Finding } from '../kinds';

export function partnerAuthFindings(facts: Facts): Finding[] {
  return facts.checks
    .filter((c) => !c.ok && c.integration !== undefined && / API at /.test(c.name) && /refused our key/.test(c.detail))
    .map((check) => {
      const partner = check.name.slice(0, check.name.indexOf(': API at '));
      const status = /\((\d{3})\)/.exec(check.detail)?.[1] ?? '401';
      return {
        id: `partner-auth:${check.integration}`,
        kind: 'partner-auth',
        integration: check.integration,
        title: `${partner} answers ${status}: it refuses our API key`,
        fix: `${check.fix ?? `check the ${partner} API key`}: set ${check.integration!.toUpperCase().replace(/-/g, '_')}_API_KEY to a key ${partner} accepts; calls to ${partner} fail until then`,
        subject: { type: 'partner', id: check.integration!, name: partner },
      } satisfies Finding;
    });
}
