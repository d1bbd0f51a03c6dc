// `npm run doctor`: checks the configuration against the live Lever account, the partners and Temporal,
// prints one line per check with a fix under each failure, and exits non-zero when any fails.
import { ConfigError, loadConfig } from './assembly/config';
import { formatChecks, runChecks, settingsChecks } from './doctor/run';
import { payloadKeyChecks } from './doctor/payload-keys';
import { LiveSettings } from './settings/live';
import { createTemporalClient } from './temporal/connection';

async function main(): Promise<void> {
  const config = loadConfig();
  const client = createTemporalClient(config);
  console.log(
    `Checking the configuration against ${config.lever.baseUrl}${config.sandbox.enabled ? ' (sandbox)' : ''} and Temporal at ${config.temporal.address}...\n`,
  );
  // The settings in force: the environment's, with what was saved in the console laid over them.
  const settings = new LiveSettings(client, config);
  await settings.refresh();
  const results = [
    ...settingsChecks(settings),
    ...(await runChecks(settings.current().config, client)),
    ...(await payloadKeyChecks(config, client)),
  ];
  console.log(formatChecks(results));
  await client.connection.close();
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
