// The cluster test's Prometheus check: every worker stopped (no poller left on any task queue), Prometheus,
// scraping the workers and evaluating ops/prometheus/alerts.yml, shows `RelayNoPollers` firing in its HTTP
// API (`/api/v1/alerts`); the workers started again, the alert is resolved (gone from the list).
import type { Cluster } from '../../src/dev/cluster/cluster';
import { seconds, type Checks } from './figures';

const ALERT = 'RelayNoPollers';
/** The rule's `for: 2m`, the 5 s scrape and evaluation intervals of the cluster's Prometheus, and a stop's drain. */
const FIRES_WITHIN_MS = 4 * 60_000;
/** A worker's start (its workflow bundle: tens of seconds on two busy cores), a scrape and an evaluation. */
const RESOLVES_WITHIN_MS = 4 * 60_000;

type AlertState = 'inactive' | 'pending' | 'firing';

async function alertState(prometheusUrl: string): Promise<AlertState> {
  const response = await fetch(`${prometheusUrl}/api/v1/alerts`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`Prometheus /api/v1/alerts answered ${response.status}`);
  const body = (await response.json()) as { data: { alerts: { labels: Record<string, string>; state: AlertState }[] } };
  const states = body.data.alerts.filter((a) => a.labels.alertname === ALERT).map((a) => a.state);
  return states.includes('firing') ? 'firing' : states.includes('pending') ? 'pending' : 'inactive';
}

/** How long until the alert is in `state`, or undefined after `timeoutMs`. */
async function until(prometheusUrl: string, state: AlertState, timeoutMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await alertState(prometheusUrl).catch(() => undefined)) === state) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return undefined;
}

export async function checkNoPollersAlert(cluster: Cluster, checks: Checks, log: (line: string) => void): Promise<void> {
  const name = `Prometheus: ${ALERT} fires while every worker is down and is resolved once they poll again`;
  const url = cluster.urls.prometheus;
  if (!url) return checks.check(name, false, cluster.prometheusProblem ?? 'Prometheus is not running');
  const before = await alertState(url).catch((error: unknown) => `unreadable (${String(error)})`);
  log(`Workers: stopping all ${cluster.workers.length} (${ALERT} was ${before})...`);
  await Promise.all(cluster.workers.map((w) => w.stop()));
  const firedAfter = await until(url, 'firing', FIRES_WITHIN_MS);
  log(
    `Prometheus: ${ALERT} ${firedAfter === undefined ? `not firing after ${seconds(FIRES_WITHIN_MS)}` : `firing ${seconds(firedAfter)} after the stop`}; starting the workers again...`,
  );
  await Promise.all(cluster.workers.map((w) => w.start()));
  const resolvedAfter = await until(url, 'inactive', RESOLVES_WITHIN_MS);
  log(
    `Prometheus: ${ALERT} ${resolvedAfter === undefined ? `still active after ${seconds(RESOLVES_WITHIN_MS)}` : `resolved ${seconds(resolvedAfter)} after the workers were ready`}`,
  );
  checks.check(
    name,
    before === 'inactive' && firedAfter !== undefined && resolvedAfter !== undefined,
    `${before} before; ${firedAfter === undefined ? 'never fired' : `firing ${seconds(firedAfter)} after the stop`}; ${resolvedAfter === undefined ? 'never resolved' : `resolved ${seconds(resolvedAfter)} after the workers were ready`}`,
  );
}
