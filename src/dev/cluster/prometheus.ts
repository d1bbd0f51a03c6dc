// Prometheus for the local cluster: Debian's /usr/bin/prometheus on loopback, its data under the cluster's
// directory, scraping both APIs' /metrics and every worker's WORKER_METRICS_PORT with the relay's alert
// rules (ops/prometheus/alerts.yml, copied beside the configuration written at every start).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessSpec } from './processes';
import type { ClusterSettings } from './settings';

export function prometheusConfig(settings: ClusterSettings): string {
  const apis = settings.api.ports.map((port) => `'127.0.0.1:${port}'`).join(', ');
  const workers = Array.from({ length: settings.workers }, (_, i) => `'127.0.0.1:${settings.workerMetricsPort + i}'`).join(', ');
  return `# Written by \`npm run cluster\` (src/dev/cluster/prometheus.ts) at every start.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - alerts.yml
scrape_configs:
  - job_name: relay-api
    static_configs:
      - targets: [${apis}]
  - job_name: relay-worker
    static_configs:
      - targets: [${workers}]
`;
}

/** The Prometheus process, or why it cannot run. */
export function prometheusSpec(settings: ClusterSettings, repoRoot: string, logFile: string): ProcessSpec | { problem: string } {
  const { binary, dir, port } = settings.prometheus;
  if (!settings.prometheus.enabled) return { problem: 'CLUSTER_PROMETHEUS=false' };
  if (!existsSync(binary)) return { problem: `${binary} is missing (apt-get install prometheus, or set PROMETHEUS_PATH)` };
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(settings));
  copyFileSync(join(repoRoot, 'ops', 'prometheus', 'alerts.yml'), join(dir, 'alerts.yml'));
  return {
    name: 'prometheus',
    command: binary,
    args: [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=7d',
    ],
    cwd: dir,
    logFile,
    restart: false,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10_000,
  };
}
