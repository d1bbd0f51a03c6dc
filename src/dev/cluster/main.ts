// `npm run cluster`: the production topology on one machine, state kept under `.data/cluster` (a second
// run carries on with the same PostgreSQL data). One Ctrl-C stops everything in order; a second forces.
import { TEMPORAL_UI_SERVER_MODULE } from '../temporal-server';
import { clusterExists, startCluster, type Cluster } from './cluster';
import type { ProcessEvent } from './processes';
import { clusterSettings } from './settings';

function describe(event: ProcessEvent): string | undefined {
  switch (event.kind) {
    case 'exit':
      return event.expected ? undefined : `! ${event.name} (pid ${event.pid}) exited on its own (${event.signal ?? `code ${event.code}`})`;
    case 'restart':
      return `  ${event.name} restarted (pid ${event.pid})`;
    case 'ready':
      return undefined;
    case 'not-ready':
      return `! ${event.name} (pid ${event.pid}) is not ready: ${event.error}`;
  }
}

function banner(cluster: Cluster): string {
  const { settings, urls, binaries } = cluster;
  const logs = settings.logDir;
  const ui = urls.ui
    ? `  Temporal UI   ${urls.ui}  (open this address: the codec endpoint ${urls.codec} answers this origin only)`
    : `  Temporal UI   not running (${binaries.uiProblem ?? 'CLUSTER_UI=false'}).\n                To get it: go install ${TEMPORAL_UI_SERVER_MODULE}, then npm run cluster again`;
  return [
    '',
    'Lever Relay cluster is running (production topology, one machine)',
    `  PostgreSQL    127.0.0.1:${settings.postgres.port}  (data ${settings.postgres.dataDir}, databases temporal + temporal_visibility, user ${settings.postgres.user})`,
    `  Temporal      ${urls.temporal}  (temporal-server ${binaries.server}: frontend, history, matching, worker; SQL visibility; namespace ${settings.temporal.namespace}, retention ${settings.temporal.retentionDays} days)`,
    ui,
    ...urls.apis.map(
      (url, i) => `  API ${i + 1}         ${url}  (POST /webhooks/lever, /webhooks/<partner>; /admin/*; GET /healthz, /readyz, /metrics)`,
    ),
    `  Console       ${urls.apis.map((url) => `${url}/console`).join(', ')}  (any API; sign in with ADMIN_TOKEN${urls.sandbox ? ', in sandbox mode sandbox-admin-token' : ''})`,
    urls.prometheus
      ? `  Prometheus    ${urls.prometheus}  (scrapes both APIs and every worker; alert rules ops/prometheus/alerts.yml: ${urls.prometheus}/alerts; data ${settings.prometheus.dir})`
      : `  Prometheus    not running (${cluster.prometheusProblem ?? 'off'})`,
    `  Workers       ${cluster.workers.map((w) => `${w.name} pid ${w.pid}`).join(', ')}  (task queues ${settings.taskQueue} and ${settings.taskQueue}-lever)`,
    urls.sandbox
      ? `  Sandbox       ${urls.sandbox}  (simulated Lever and partners, webhooks to ${urls.apis[0]}; try: SANDBOX_PORT=${settings.sandbox.port} API_PORT=${settings.api.ports[0]}${urls.ui ? ` TEMPORAL_UI_URL=${urls.ui}` : ''} npm run demo)`
      : '  Sandbox       off (LEVER_API_BASE_URL is set, or SANDBOX_ENABLED=false)',
    `  CLI           temporal --address ${urls.temporal} workflow list`,
    `  Logs          ${logs}/<process>.log`,
    '  Stop with Ctrl-C (once: in order; twice: at once).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const settings = clusterSettings();
  const say = (line: string) => console.log(line);
  if (clusterExists(settings)) say(`Using the existing cluster in ${settings.dir} (remove that folder for a new one).`);

  const state: { cluster?: Cluster } = {};
  let stopping = false;
  const startup = new AbortController();
  const stop = (signal: string) => {
    if (stopping) {
      console.log('Forced exit.');
      state.cluster?.forceStop();
      process.exit(1);
    }
    stopping = true;
    if (!state.cluster) {
      // Still starting: what has started is stopped by startCluster's own clean-up once it fails.
      startup.abort();
      console.log(`\n${signal}: stopping after the current start-up step (Ctrl-C again to force)...`);
      return;
    }
    console.log(`\n${signal}: stopping (Ctrl-C again to force)...`);
    state.cluster.stop(say).then(
      () => console.log('Stopped.'),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const onEvent = (event: ProcessEvent) => {
    const line = describe(event);
    if (line && !stopping) console.log(line);
  };
  try {
    state.cluster = await startCluster({ settings, progress: say, onEvent, signal: startup.signal });
  } catch (error) {
    if (startup.signal.aborted) {
      console.log('Stopped.');
      return;
    }
    throw error;
  }
  console.log(banner(state.cluster));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
