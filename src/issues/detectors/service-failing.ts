// Lever or a partner has failed (429, 5xx, network: what activities retry) with no answer to any process for
// longer than ISSUES_FAILING_AFTER (15 minutes): an outage that retries alone will not hide for long. Work
// waits and nothing is lost, but a person should know, and maybe tell the partner. From every worker's
// observations of its HTTP calls (./observed.ts: failingServices).
import { integrations } from '../../integrations';
import { failingServices } from '../observed';
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { uiQuery } from '../links';
import { spokenDuration } from './wording';

export function serviceFailingFindings(facts: Facts): Finding[] {
  const { observationWindowMs, failingAfterMs } = facts.config.issues;
  const failing = failingServices(facts.observed, facts.at, observationWindowMs);
  return Object.entries(failing)
    .filter(([, f]) => facts.at - f.since >= failingAfterMs)
    .map(([service, f]) => {
      const integration = Object.values(integrations).find((i) => i.title === service);
      const lever = service === 'Lever';
      const last = f.last === 'network' ? 'no answer (network)' : `${f.last}`;
      return {
        id: `service-failing:${integration?.name ?? service.toLowerCase()}`,
        kind: 'service-failing',
        ...(integration ? { integration: integration.name } : {}),
        title: `${service} has failed for ${spokenDuration(facts.at - f.since)} (last: ${last}): its calls are retrying`,
        fix: lever
          ? 'Check status.lever.co and LEVER_API_BASE_URL; for 429s see who else uses the key. Activities retry until Lever answers: work waits, nothing is lost'
          : `Check ${service}'s status page or ask their support, and ${integration ? `${integration.name.toUpperCase().replace(/-/g, '_')}_BASE_URL` : 'its base URL'}; activities retry until ${service} answers: work waits, nothing is lost`,
        subject: lever
          ? { type: 'service', id: 'lever', name: 'Lever' }
          : { type: 'partner', id: integration?.name ?? service, name: service },
        links: [
          {
            text: 'Running processes in the Temporal UI',
            href: uiQuery(
              facts.config,
              integration ? `RelayIntegration = "${integration.name}" AND ExecutionStatus = "Running"` : `ExecutionStatus = "Running"`,
            ),
          },
        ],
      } satisfies Finding;
    });
}
