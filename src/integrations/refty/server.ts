// Refty's Node side: configuration (with the rules), client and activities, callbacks, simulator and demo.
import type { IntegrationServer } from '../kit/server';
import { createReftyActivities } from './activities';
import { reftyCallbackRoutes } from './callbacks';
import { ReftyClient } from './client';
import { readReftyConfig, reftySettings, type ReftyConfig } from './config';
import { reftyScenario } from './demo';
import type { ReftySettings } from './messages';
import { reftySimulator } from './sandbox/simulator';

export const reftyServer: IntegrationServer<ReftyConfig, ReftySettings> = {
  config: readReftyConfig,
  settings: reftySettings,
  activities: (section) => ({ partner: createReftyActivities(new ReftyClient(section)) }),
  callbacks: { subject: 'request', routes: () => reftyCallbackRoutes },
  simulator: reftySimulator,
  demo: reftyScenario,
};
