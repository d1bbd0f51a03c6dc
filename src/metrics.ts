import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ISSUE_KINDS, type IssuesSummary } from './issues/kinds';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    ingressRequests: new Counter({
      name: 'relay_ingress_requests_total',
      help: 'Webhook and callback requests by route and HTTP status',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    ingressDuration: new Histogram({
      name: 'relay_ingress_ack_seconds',
      help: 'Time from request to acknowledgement',
      labelNames: ['route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    settingsVersion: new Gauge({
      name: 'relay_settings_version',
      help: 'The settings version this process holds',
      registers: [registry],
    }),
    issuesOpen: new Gauge({
      name: 'relay_issues_open',
      help: 'Issues not resolved (open, acknowledged or muted), by kind, as the issues workflow holds them',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
  };
}

/** Sets `relay_issues_open` from the issues' summary; every kind is present, at 0 when it has none. */
export function countIssues(metrics: Metrics, summary: IssuesSummary): void {
  for (const kind of ISSUE_KINDS) metrics.issuesOpen.set({ kind }, summary.unresolved[kind] ?? 0);
}

export type Metrics = ReturnType<typeof createMetrics>;
