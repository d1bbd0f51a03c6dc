// Willo's Node side: configuration, client and activities, callbacks, simulator and demo.
import type { IntegrationServer } from '../kit/server';
import { createWilloActivities } from './activities';
import { willoCallbackRoutes } from './callbacks';
import { WilloClient } from './client';
import { readWilloConfig, willoSettings, type WilloConfig } from './config';
import { willoScenario } from './demo';
import type { WilloSettings } from './messages';
import { willoSimulator } from './sandbox/simulator';

export const willoServer: IntegrationServer<WilloConfig, WilloSettings> = {
  config: readWilloConfig,
  settings: willoSettings,
  activities: (section) => ({ partner: createWilloActivities(new WilloClient(section)) }),
  callbacks: { subject: 'participant', routes: () => willoCallbackRoutes },
  simulator: willoSimulator,
  demo: willoScenario,
};
