// What the settings workflow has done after each change: the schedules that depend on settings (the
// sweep's interval, Wintro's sync: its switch and interval) brought up to date once, by whichever worker
// runs this activity, with this worker's environment and the settings just saved.
import type { Client } from '@temporalio/client';
import type { Config } from '../assembly/config';
import { environmentOf, integrationParts } from '../assembly/config';
import type { Env } from '../config/env';
import { ensureSweepSchedule } from '../opportunity/sweep-schedule';
import { effectiveSettings } from './effective';
import type { StoredSettings } from './messages';

export function createSettingsActivities(deps: { client: Client; envConfig: Config; env?: Env }) {
  return {
    /** Returns what it did, for the workflow's history. */
    async applySettings(stored: StoredSettings): Promise<Record<string, string>> {
      const { config } = effectiveSettings(deps.envConfig, deps.env ?? environmentOf(deps.envConfig), stored);
      const done: Record<string, string> = { sweep: await ensureSweepSchedule(deps.client, config) };
      for (const { integration, server, section } of integrationParts(config)) {
        if (server.onWorkerStart) done[integration.name] = await server.onWorkerStart({ client: deps.client, section, relay: config });
      }
      return done;
    },
  };
}

export type SettingsActivities = ReturnType<typeof createSettingsActivities>;
