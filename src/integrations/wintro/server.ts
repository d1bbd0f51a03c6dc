// Wintro's Node side: configuration, client and activities (with its own Lever reads), callbacks, the
// "Sync" button, the sync schedule, simulator and demo.
import { partnerAnswers, performAsUser } from '../kit/checks';
import type { IntegrationServer } from '../kit/server';
import { startAction } from '../kit/callbacks';
import { createWintroActivities } from './activities';
import { wintroCallbackRoutes } from './callbacks';
import { callbackSamples } from './callback-samples';
import { docs } from './docs';
import { WintroClient } from './client';
import { wintroEditable, readWintroConfig, wintroSettings, type WintroConfig } from './config';
import { wintroScenario } from './demo';
import { createWintroLeverActivities } from './lever-activities';
import { wintroSimulator } from './sandbox/simulator';
import { ensureWintroSyncSchedule, wintroSyncId, wintroSyncRun } from './schedule';

export const wintroServer: IntegrationServer<WintroConfig, ReturnType<typeof wintroSettings>> = {
  docs,
  config: readWintroConfig,
  editable: wintroEditable,
  settings: wintroSettings,
  activities: (section, { lever, observe }) => ({
    partner: createWintroActivities(new WintroClient({ ...section, observe })),
    lever: createWintroLeverActivities(lever),
  }),
  callbacks: { subject: 'referral', routes: wintroCallbackRoutes, samples: callbackSamples },
  // Wintro's "Sync" button: starts the vacancy sync, or joins the one already running (two clicks, one run).
  admin: [
    {
      path: 'wintro/sync',
      start: (_section, relay) => {
        const { workflow, args, searchAttributes } = wintroSyncRun(relay.temporal.taskQueue);
        return startAction(workflow, {
          workflowId: wintroSyncId(relay.temporal.taskQueue),
          args,
          searchAttributes,
          onConflict: 'join-running',
        });
      },
    },
  ],
  onWorkerStart: async ({ client, section, relay }) =>
    `sync schedule ${await ensureWintroSyncSchedule(client, section, relay.temporal.taskQueue)}`,
  simulator: wintroSimulator,
  demo: wintroScenario,
  checks: async (section, context) => [
    await partnerAnswers('Wintro', section.baseUrl, `Bearer ${section.apiKey}`),
    await performAsUser(context, 'WINTRO_PERFORM_AS_EMAIL', section.performAsEmail),
  ],
};
