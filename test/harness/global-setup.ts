// One Temporal dev server (in memory) and one workflow bundle for the whole test run: test files
// connect to TEMPORAL_TEST_ADDRESS and load the bundle from TEMPORAL_TEST_BUNDLE.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOrBuildTemporalCli } from '../../src/dev/temporal-cli';
import { workflowBundleOptions } from '../../src/temporal/bundle';
import { SEARCH_ATTRIBUTES } from '../../src/temporal/search-attributes';
import { DYNAMIC_CONFIG_FLAGS } from '../../src/temporal/server-settings';

export default async function globalSetup(): Promise<void> {
  const cliPath = await findOrBuildTemporalCli((line) => console.log(line));
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cliPath },
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
      extraArgs: ['--log-level', 'warn', ...DYNAMIC_CONFIG_FLAGS],
    },
  });
  (globalThis as { __temporalEnv?: TestWorkflowEnvironment }).__temporalEnv = env;
  process.env.TEMPORAL_TEST_ADDRESS = env.address;

  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger });
  const bundlePath = join(tmpdir(), `lever-relay-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env.TEMPORAL_TEST_BUNDLE = bundlePath;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
