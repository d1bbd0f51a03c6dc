// Willo's Node side: configuration, client and activities, callbacks, simulator and demo.
import { partnerAnswers, stageExists } from '../kit/checks';
import type { IntegrationServer } from '../kit/server';
import { createWilloActivities } from './activities';
import { willoCallbackRoutes } from './callbacks';
import { callbackSamples } from './callback-samples';
import { docs } from './docs';
import { WilloClient } from './client';
import { willoEditable, readWilloConfig, willoSettings, type WilloConfig } from './config';
import { willoScenario } from './demo';
import type { WilloSettings } from './messages';
import { willoSimulator } from './sandbox/simulator';

export const willoServer: IntegrationServer<WilloConfig, WilloSettings> = {
  docs,
  config: readWilloConfig,
  editable: willoEditable,
  settings: willoSettings,
  activities: (section, { observe }) => ({ partner: createWilloActivities(new WilloClient({ ...section, observe })) }),
  callbacks: { subject: 'participant', routes: () => willoCallbackRoutes, samples: callbackSamples },
  simulator: willoSimulator,
  demo: willoScenario,
  checks: async (section, context) => [
    await partnerAnswers('Willo', section.baseUrl, `${section.authPrefix} ${section.apiKey}`),
    ...(await Promise.all(section.triggerStages.map((stage) => stageExists(context, 'WILLO_TRIGGER_STAGES', stage)))),
  ],
};
