// The Temporal server's static config (`<config dir>/cluster.yaml`, loaded with `--env cluster`) and its
// dynamic config. Written from our settings each start, modelled on the module's own
// `config/development-postgres12.yaml`: PostgreSQL for history and for SQL visibility, all four services
// in one process on 127.0.0.1, no archival.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DYNAMIC_CONFIG } from '../../temporal/server-settings';
import type { ClusterSettings } from './settings';

export const TEMPORAL_CONFIG_ENV = 'cluster';

function datastore(settings: ClusterSettings, database: string, maxConns: number): string {
  const { postgres } = settings;
  return [
    '      sql:',
    '        pluginName: "postgres12"',
    `        databaseName: "${database}"`,
    `        connectAddr: "127.0.0.1:${postgres.port}"`,
    '        connectProtocol: "tcp"',
    `        user: "${postgres.user}"`,
    `        password: "${postgres.password}"`,
    `        maxConns: ${maxConns}`,
    `        maxIdleConns: ${maxConns}`,
    '        maxConnLifetime: "1h"',
  ].join('\n');
}

export function temporalServerConfig(settings: ClusterSettings, logLevel = 'warn'): string {
  const { ports, historyShards } = settings.temporal;
  const service = (name: 'frontend' | 'history' | 'matching' | 'worker', extra = '') =>
    [
      `  ${name}:`,
      '    rpc:',
      `      grpcPort: ${ports[name]}`,
      `      membershipPort: ${ports.membership[name]}`,
      '      bindOnLocalHost: true',
      extra,
    ]
      .filter(Boolean)
      .join('\n');
  return `# Written by \`npm run cluster\` (src/dev/cluster/temporal-config.ts) at every start: edit that file instead.
log:
  stdout: true
  level: ${logLevel}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${historyShards}
  datastores:
    postgres-default:
${datastore(settings, 'temporal', 20)}
    postgres-visibility:
${datastore(settings, 'temporal_visibility', 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"

services:
${service('frontend', `      httpPort: ${ports.frontendHttp}`)}
${service('history')}
${service('matching')}
${service('worker')}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"
      httpAddress: "127.0.0.1:${ports.frontendHttp}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${join(settings.temporal.configDir, 'dynamicconfig.yaml')}"
  pollInterval: "10s"
`;
}

/** Dynamic config: what the relay needs (DYNAMIC_CONFIG: task priority, eager activities); an operator may tune the rest. */
export function temporalDynamicConfig(): string {
  const ours = DYNAMIC_CONFIG.map((entry) => {
    const [key, value] = entry.split('=');
    return `${key}:\n  - value: ${value}\n    constraints: {}\n`;
  }).join('');
  return `# Dynamic config of the local cluster, polled every 10s (written by \`npm run cluster\` at every start).
# Keys: https://github.com/temporalio/temporal/blob/v1.29.1/common/dynamicconfig/constants.go
limit.maxIDLength:
  - value: 1000
    constraints: {}
${ours}`;
}

export function writeTemporalConfig(settings: ClusterSettings, logLevel?: string): void {
  mkdirSync(settings.temporal.configDir, { recursive: true });
  writeFileSync(join(settings.temporal.configDir, `${TEMPORAL_CONFIG_ENV}.yaml`), temporalServerConfig(settings, logLevel));
  writeFileSync(join(settings.temporal.configDir, 'dynamicconfig.yaml'), temporalDynamicConfig());
}
