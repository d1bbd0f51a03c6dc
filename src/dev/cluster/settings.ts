// Where the local cluster keeps its state and which ports it uses. Every port is chosen so that the
// cluster can run beside `npm start` (dev server on 7233/8233): Temporal's services sit at 17xxx.
import { join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export interface TemporalPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Membership (ringpop) port of each service: its gRPC port minus 300. */
  membership: { frontend: number; history: number; matching: number; worker: number };
}

export interface ClusterSettings {
  /** `.data/cluster` (under RELAY_DATA_DIR): PostgreSQL data, Temporal config, logs. */
  dir: string;
  postgres: { dataDir: string; port: number; user: string; password: string };
  temporal: {
    ports: TemporalPorts;
    namespace: string;
    configDir: string;
    historyShards: number;
    /** How long closed runs (and the candidate data in them) are kept: the namespace's retention. */
    retentionDays: number;
  };
  ui: { port: number; enabled: boolean };
  /** Prometheus scraping the APIs and workers with ops/prometheus/alerts.yml (Debian's `prometheus` package). */
  prometheus: { port: number; enabled: boolean; binary: string; dir: string };
  api: { ports: number[] };
  sandbox: { enabled: boolean; port: number };
  workers: number;
  /** The first worker's metrics port; the next workers take the ports after it. */
  workerMetricsPort: number;
  taskQueue: string;
  logDir: string;
  logLevel: string;
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name}=${raw} must be a whole number (a port or a count)`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['true', '1', 'yes', 'on'].includes(raw.toLowerCase());
}

export function temporalPorts(frontend: number): TemporalPorts {
  const ports = { frontend, frontendHttp: frontend + 10, history: frontend + 1, matching: frontend + 2, worker: frontend + 6 };
  return {
    ...ports,
    membership: {
      frontend: ports.frontend - 300,
      history: ports.history - 300,
      matching: ports.matching - 300,
      worker: ports.worker - 300,
    },
  };
}

/**
 * From the environment: the relay's own variables where they exist (API_PORT, SANDBOX_PORT,
 * RELAY_DATA_DIR, RELAY_TASK_QUEUE, TEMPORAL_NAMESPACE, LOG_LEVEL), CLUSTER_* for the rest.
 */
export function clusterSettings(env: Env = process.env, overrides: { dir?: string } = {}): ClusterSettings {
  const dir = resolve(overrides.dir ?? env.CLUSTER_DIR ?? join(env.RELAY_DATA_DIR || '.data', 'cluster'));
  const apiPort = int(env, 'API_PORT', 3000);
  const apis = int(env, 'CLUSTER_APIS', 2);
  return {
    dir,
    postgres: { dataDir: join(dir, 'postgres'), port: int(env, 'CLUSTER_POSTGRES_PORT', 55432), user: 'temporal', password: 'temporal' },
    temporal: {
      ports: temporalPorts(int(env, 'CLUSTER_TEMPORAL_PORT', 17233)),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      configDir: join(dir, 'temporal', 'config'),
      historyShards: int(env, 'CLUSTER_HISTORY_SHARDS', 4),
      retentionDays: int(env, 'TEMPORAL_RETENTION_DAYS', 7),
    },
    ui: { port: int(env, 'CLUSTER_UI_PORT', 18233), enabled: flag(env, 'CLUSTER_UI', true) },
    prometheus: {
      port: int(env, 'CLUSTER_PROMETHEUS_PORT', 19090),
      enabled: flag(env, 'CLUSTER_PROMETHEUS', true),
      binary: env.PROMETHEUS_PATH || '/usr/bin/prometheus',
      dir: join(dir, 'prometheus'),
    },
    api: { ports: Array.from({ length: apis }, (_, i) => apiPort + i) },
    // The relay's own rule: sandbox mode unless a real Lever is configured.
    sandbox: { enabled: flag(env, 'SANDBOX_ENABLED', !env.LEVER_API_BASE_URL), port: int(env, 'SANDBOX_PORT', 3100) },
    workers: int(env, 'CLUSTER_WORKERS', 3),
    workerMetricsPort: int(env, 'WORKER_METRICS_PORT', 9464),
    taskQueue: env.RELAY_TASK_QUEUE || 'lever-relay',
    logDir: join(dir, 'logs'),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
