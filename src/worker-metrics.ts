// The worker's metrics, on one Prometheus endpoint (WORKER_METRICS_PORT): the Temporal runtime's own
// (task latencies, slots, polls, activity and workflow outcomes) and ours, recorded through the runtime's
// meter so they are exported beside them: Lever requests by endpoint and status, Lever's 429s, and partner
// calls by partner and status. Ids never reach a label (see routeOf in src/http/json-client.ts).
import type { MetricMeter } from '@temporalio/common';
import type { CallObservation } from './http/json-client';

export function workerMetrics(meter: MetricMeter) {
  const lever = meter.createCounter('relay_lever_requests', '', 'Lever Data API requests, by endpoint and HTTP status');
  const rateLimited = meter.createCounter('relay_lever_rate_limited', '', 'Lever answers 429: the relay ran into the per-key limit');
  const partners = meter.createCounter('relay_partner_requests', '', 'Partner API calls, by partner and HTTP status');
  const settings = meter.createGauge('relay_settings_version', 'int', '', 'The settings version this process holds');
  const leverLimit = meter.createGauge(
    'relay_lever_rate_limit_per_second',
    'float',
    '',
    "LEVER_RATE_LIMIT_PER_SECOND: the Lever queue's rate for all workers together (alerts compare the request rate with it)",
  );
  return {
    /** The configured Lever rate, exported so an alert can compare the request rate with it. */
    leverRateLimit(perSecond: number): void {
      leverLimit.set(perSecond);
    },
    /** The settings version in force here (how fast a console change reached every worker). */
    settingsVersion(version: number): void {
      settings.set(version);
    },
    /** Hand to every HTTP client the worker makes. */
    observe(call: CallObservation): void {
      const status = String(call.status);
      if (call.service === 'Lever') {
        lever.add(1, { endpoint: `${call.method} ${call.route}`, status });
        if (call.status === 429) rateLimited.add(1);
      } else {
        partners.add(1, { partner: call.service, status });
      }
    },
  };
}
