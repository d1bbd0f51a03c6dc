// `npm start`: everything on one machine with no configuration: the Temporal dev server, the sandbox
// (simulated Lever and partners), a worker and the API. Ctrl-C stops it all in order.
import { join } from 'node:path';
import { startApi } from './api';
import { ConfigError, integrationParts, loadConfig, type Config } from './assembly/config';
import { startDevServer, type DevServer } from './dev/dev-server';
import { onStopSignals } from './dev/signals';
import { findOrBuildTemporalCli } from './dev/temporal-cli';
import { findTemporalUiServer } from './dev/temporal-server';
import { startTemporalUi, type TemporalUi } from './dev/temporal-ui';
import { createLogger } from './logger';
import { sandboxOptionsFromConfig } from './assembly/sandbox-options';
import { startSandbox, type Sandbox } from './assembly/sandbox';
import { taskQueues } from './temporal/task-queues';
import { connectWorkerConnection, createWorkers } from './worker';
import { installWorkerRuntime } from './worker-runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('relay', config.logLevel);
  // We stop the workers ourselves, in order; the SDK logs through ours at warn and above.
  const metrics = installWorkerRuntime(config, logger);

  let devServer: DevServer | undefined;
  let ui: TemporalUi | undefined;
  let uiNote = '';
  if (config.temporal.embedded) {
    const cliPath = await findOrBuildTemporalCli((line) => console.log(line));
    const codecEndpoint = config.api.codecEndpoint ? `${config.api.publicUrl}/codec` : undefined;
    // The UI server on its own sends the console's session to the codec; the CLI's embedded UI cannot.
    const uiServer = codecEndpoint ? findTemporalUiServer() : undefined;
    const uiPort = Number(new URL(config.temporal.uiUrl).port || 8233);
    console.log('Starting the Temporal dev server...');
    devServer = await startDevServer({
      cliPath,
      dataDir: config.dataDir,
      namespace: config.temporal.namespace,
      uiPort,
      headless: uiServer !== undefined,
      ...(codecEndpoint ? { codecEndpoint } : {}),
      onLog: (line) => (/level=ERROR/.test(line) ? logger.error({ temporal: line }) : logger.debug({ temporal: line })),
    });
    process.once('exit', () => devServer?.process.kill('SIGTERM'));
    if (uiServer) {
      ui = await startTemporalUi(uiServer, join(config.dataDir, 'temporal-ui'), {
        temporalGrpcAddress: devServer.address,
        port: uiPort,
        namespace: config.temporal.namespace,
        codecEndpoint: codecEndpoint!,
      });
      process.once('exit', () => ui?.process.kill('SIGTERM'));
      uiNote = '  (decrypted for an operator or admin signed in to the console)';
    } else if (codecEndpoint) {
      uiNote = `  (to see payloads decrypted: sign in to the console, then in the UI's codec settings tick "Include cross-origin credentials"; or build the UI server once, npm run temporal-server, and npm start runs it so)`;
    }
  }
  let sandbox: Sandbox | undefined;
  if (config.sandbox.enabled) sandbox = await startSandbox(sandboxOptionsFromConfig(config));

  const { connection, namespace } = await connectWorkerConnection(config);
  const workers = await createWorkers({ config, connection, namespace, observe: metrics.observe });
  const running = workers.run();
  const { server, client, app } = await startApi(config, logger);

  const queues = taskQueues(config.temporal.taskQueue);
  // From the registry: every partner and every admin action, so a new integration shows up here by itself.
  const parts = integrationParts(config);
  const partners = parts.map(({ integration }) => integration.title).join(', ');
  const adminRoutes = parts.flatMap(({ server }) => (server.admin ?? []).map((route) => `/admin/${route.path}`));
  console.log(
    [
      '',
      'Lever Relay is running',
      `  Console      ${config.api.publicUrl}/console  ${signInHint(config)}`,
      `  API          ${config.api.publicUrl}  (POST /webhooks/lever, /webhooks/<partner>; /admin/*${adminRoutes.length ? ` (${adminRoutes.join(', ')})` : ''}; GET /healthz, /readyz, /metrics)`,
      `  Temporal     ${config.temporal.address}${devServer ? `  (embedded dev server, state in ${config.dataDir}/temporal.sqlite)` : ''}`,
      `  Temporal UI  ${config.temporal.uiUrl}${uiNote}`,
      `  Worker       task queues ${queues.main} and ${queues.lever} (Lever at most ${config.lever.ratePerSecond} req/s)`,
      sandbox
        ? `  Sandbox      ${sandbox.baseUrl}  (simulated Lever, ${partners}; try: npm run demo)`
        : `  Lever        ${config.lever.baseUrl}`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  onStopSignals(
    async (signal) => {
      console.log(`\n${signal}: stopping in order (Ctrl-C again to force)...`);
      await new Promise<void>((done) => server.close(() => done()));
      await app.stop();
      await client.connection.close();
      console.log('  API stopped; draining the worker...');
      workers.shutdown();
      await running;
      await connection.close();
      await sandbox?.close();
      await ui?.stop();
      await devServer?.stop();
      console.log('Stopped.');
    },
    () => {
      console.log('Forced exit.');
      devServer?.process.kill('SIGKILL');
      ui?.process.kill('SIGKILL');
      process.exit(1);
    },
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

/** How to sign in to the console, for the banner: the provider (the admin token as break-glass), or the token. */
function signInHint(config: Config): string {
  const token = config.sandbox.enabled ? `the admin token ${config.api.adminToken}` : 'ADMIN_TOKEN';
  return config.api.oidc ? `(sign in with ${config.api.oidc.providerName}; break-glass: ${token})` : `(sign in with ${token})`;
}
