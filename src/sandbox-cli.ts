// `npm run sandbox`: the simulators on their own, for a relay started separately (`npm run api` and
// `npm run worker`). Ports and credentials come from the same configuration the relay reads.
import { ConfigError, loadConfig } from './assembly/config';
import { createLogger } from './logger';
import { sandboxOptionsFromConfig } from './assembly/sandbox-options';
import { startSandbox } from './assembly/sandbox';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('sandbox', config.logLevel);
  const options = sandboxOptionsFromConfig(config);
  const sandbox = await startSandbox({ ...options, logger });
  console.log(
    [
      `Sandbox listening on ${sandbox.baseUrl}`,
      `  Lever Data API   ${sandbox.baseUrl}/lever/v1`,
      ...Object.keys(sandbox.state.partners).map((name) => `  ${`${name} API`.padEnd(17)}${sandbox.baseUrl}/${name}`),
      `  Control API      ${sandbox.baseUrl}/_control  (e.g. POST /_control/lever/applications)`,
      `  Webhooks go to   ${options.relayUrl}/webhooks/lever and ${options.relayUrl}/webhooks/<partner>`,
    ].join('\n'),
  );

  const stop = () => {
    sandbox.close().then(
      () => logger.info('sandbox stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'sandbox did not stop cleanly');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
