// The technical-interview platform's Node side: configuration, client and activities, callbacks,
// simulator and demo.
import type { IntegrationServer } from '../kit/server';
import { createTechInterviewActivities } from './activities';
import { techInterviewCallbackRoutes } from './callbacks';
import { TechInterviewClient } from './client';
import { readTechInterviewConfig, techInterviewSettings, type TechInterviewConfig } from './config';
import { techInterviewScenario } from './demo';
import type { TechInterviewSettings } from './messages';
import { techInterviewSimulator } from './sandbox/simulator';

export const techInterviewServer: IntegrationServer<TechInterviewConfig, TechInterviewSettings> = {
  config: readTechInterviewConfig,
  settings: techInterviewSettings,
  activities: (section) => ({ partner: createTechInterviewActivities(new TechInterviewClient(section)) }),
  callbacks: { subject: 'interview', routes: techInterviewCallbackRoutes },
  simulator: techInterviewSimulator,
  demo: techInterviewScenario,
};
