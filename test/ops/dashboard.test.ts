// The Grafana dashboard and the Prometheus alert rules name only metrics the relay really exports: every
// expression is checked against the /metrics output of a real API and a real worker process that have
// handled a webhook, a partner call and a Lever 429. And promtool accepts the rules.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { prometheusConfig } from '../../src/dev/cluster/prometheus';
import { clusterSettings } from '../../src/dev/cluster/settings';
import { freePort, http, waitFor } from '../harness/http';
import { useTestRelay } from '../harness/relay';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from '../harness/worker-process';
import { exposedMetrics, metricsIn } from './promql-metrics';

const root = join(__dirname, '..', '..');
const PROMTOOL = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((path) => existsSync(path));

interface Dashboard {
  panels: { title: string; targets?: { expr: string }[] }[];
}

const dashboard = JSON.parse(readFileSync(join(root, 'ops/grafana/relay.json'), 'utf8')) as Dashboard;
/** Each rule's name and expression: alerts.yml keeps every `expr` on one line, so no YAML parser is needed. */
const rules = [...readFileSync(join(root, 'ops/prometheus/alerts.yml'), 'utf8').matchAll(/- alert: (\S+)\n\s+expr: (.+)\n/g)].map(
  ([, alert, expr]) => ({ alert, expr }),
);

describe('against the real /metrics of an API and a worker', () => {
  const t = useTestRelay({ worker: false });
  let worker: WorkerProcess | undefined;
  let exported: Set<string>;

  beforeAll(async () => {
    const port = await freePort();
    worker = startWorkerProcess(t.relay, { WORKER_METRICS_PORT: String(port) });
    await worker.ready;
    // One Lever 429, then an application with an email: a webhook, Lever reads, an HRLogics call.
    await t.control.faults('lever', { force429: 1 });
    await t.control.apply({ name: 'Metrics Applicant', email: `metrics-${Date.now()}@example.com` });
    await waitFor(async () => (await t.control.partnerRequests('hrlogics')).some((r) => r.method === 'POST'), {
      what: 'the HRLogics screening request',
      timeoutMs: 60_000,
    });
    const api = (await http<string>('GET', `${t.relay.apiUrl}/metrics`)).body;
    // The SDK's metrics are exported on its own schedule: wait until the worker's include ours.
    const workerText = await waitFor(
      async () => {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return text.includes('relay_partner_requests') && text.includes('relay_lever_rate_limited') && text;
      },
      { what: "the worker's metrics", timeoutMs: 30_000 },
    );
    exported = new Set([...exposedMetrics(api), ...exposedMetrics(workerText), 'up']);
    if (process.env.PRINT_METRICS) console.log([...exported].sort().join('\n'));
  }, 120_000);

  afterAll(async () => {
    if (worker) await stopWorkerProcess(worker);
  });

  it('every dashboard panel names only exported metrics', () => {
    const missing = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).flatMap((target) =>
        metricsIn(target.expr)
          .filter((m) => !exported.has(m))
          .map((m) => `${panel.title}: ${m}`),
      ),
    );
    expect(dashboard.panels.length).toBeGreaterThan(5);
    const named = new Set(dashboard.panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricsIn(target.expr))));
    expect([...named]).toEqual(
      expect.arrayContaining(['relay_issues_open', 'relay_lever_requests', 'temporal_num_pollers', 'relay_ingress_ack_seconds_bucket']),
    );
    expect(missing).toEqual([]);
  });

  it("every alert rule names only exported metrics (and Prometheus's own `up`)", () => {
    const missing = rules.flatMap((rule) =>
      metricsIn(rule.expr)
        .filter((m) => !exported.has(m))
        .map((m) => `${rule.alert}: ${m}`),
    );
    expect(rules.length).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});

const promtoolIt = PROMTOOL ? it : it.skip;
if (!PROMTOOL) console.warn('promtool is missing (apt-get install prometheus; .ci/run installs it): the rule check is skipped');

promtoolIt('promtool check rules accepts ops/prometheus/alerts.yml, and check config the scrape configuration', async () => {
  const run = promisify(execFile);
  const checked = await run(PROMTOOL!, ['check', 'rules', join(root, 'ops/prometheus/alerts.yml')]);
  expect(checked.stdout).toMatch(/SUCCESS: \d+ rules found/);
  const config = await run(PROMTOOL!, ['check', 'config', '--syntax-only', join(root, 'ops/prometheus/prometheus.yml')]);
  expect(config.stdout).toMatch(/SUCCESS/);

  // What `npm run cluster` writes: both APIs and every worker, with the rules beside it.
  const dir = mkdtempSync(join(tmpdir(), 'relay-prometheus-'));
  try {
    const settings = clusterSettings({}, { dir });
    writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(settings));
    copyFileSync(join(root, 'ops/prometheus/alerts.yml'), join(dir, 'alerts.yml'));
    expect(prometheusConfig(settings)).toContain("targets: ['127.0.0.1:9464', '127.0.0.1:9465', '127.0.0.1:9466']");
    const cluster = await run(PROMTOOL!, ['check', 'config', join(dir, 'prometheus.yml')]);
    expect(cluster.stdout).toMatch(/SUCCESS: 14 rules found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
