// How the workflow bundle is built, the same way by the worker, the tests and the replay check: from
// src/workflows.ts, leaving out every integration's Node side (`<name>/server.ts`, reached only through the
// lazy `server()` of its definition, which workflow code never calls).
import type { BundleOptions } from '@temporalio/worker';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const WORKFLOWS_PATH = require.resolve('../workflows');

const INTEGRATIONS_DIR = join(__dirname, '..', 'integrations');

/** Every integration's `server.ts`, by absolute path. */
function serverModules(): string[] {
  return readdirSync(INTEGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(INTEGRATIONS_DIR, entry.name, 'server.ts'))
    .filter((path) => existsSync(path));
}

export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'> {
  return {
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: (config) => {
      const alias = (config.resolve?.alias ?? {}) as Record<string, string | false>;
      // `false`: an empty module. Requiring it inside a workflow would fail loudly, and nothing does.
      for (const path of serverModules()) alias[path] = false;
      return { ...config, resolve: { ...config.resolve, alias } };
    },
  };
}
