// HRLogics' Node side: configuration, client and activities, callbacks, simulator and demo.
import { toMs } from '../../config/env';
import { partnerAnswers } from '../kit/checks';
import type { IntegrationServer } from '../kit/server';
import { createHrlogicsActivities } from './activities';
import { hrlogicsCallbackRoutes } from './callbacks';
import { callbackSamples } from './callback-samples';
import { docs } from './docs';
import { HrlogicsClient } from './client';
import { hrlogicsEditable, readHrlogicsConfig, wotcSettings, type HrlogicsConfig } from './config';
import { hrlogicsScenario } from './demo';
import type { WotcSettings } from './messages';
import { hrlogicsSimulator } from './sandbox/simulator';

export const hrlogicsServer: IntegrationServer<HrlogicsConfig, WotcSettings> = {
  docs,
  config: readHrlogicsConfig,
  editable: hrlogicsEditable,
  settings: wotcSettings,
  activities: (section, { observe }) => ({ partner: createHrlogicsActivities(new HrlogicsClient({ ...section, observe })) }),
  callbacks: { subject: 'screening', routes: () => hrlogicsCallbackRoutes, samples: callbackSamples },
  simulator: hrlogicsSimulator,
  demo: hrlogicsScenario,
  checks: async (section) => [await partnerAnswers('HRLogics', section.baseUrl, `Bearer ${section.apiKey}`)],
  // The 28-day Form 8850 rule makes old applicants pointless to screen.
  backfillSince: (section, now) => now - toMs(section.backfillWindow),
};
