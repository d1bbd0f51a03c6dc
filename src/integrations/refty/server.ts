// Refty's Node side: configuration (with the rules), client and activities, callbacks, simulator and demo.
import { partnerAnswers, postingExists, stageExists } from '../kit/checks';
import type { IntegrationServer } from '../kit/server';
import { createReftyActivities } from './activities';
import { reftyCallbackRoutes } from './callbacks';
import { callbackSamples } from './callback-samples';
import { docs } from './docs';
import { ReftyClient } from './client';
import { reftyEditable, readReftyConfig, reftySettings, type ReftyConfig } from './config';
import { reftyScenario } from './demo';
import type { ReftySettings } from './messages';
import { reftySimulator } from './sandbox/simulator';

export const reftyServer: IntegrationServer<ReftyConfig, ReftySettings> = {
  docs,
  config: readReftyConfig,
  editable: reftyEditable,
  settings: reftySettings,
  activities: (section, { observe }) => ({ partner: createReftyActivities(new ReftyClient({ ...section, observe })) }),
  callbacks: { subject: 'request', routes: () => reftyCallbackRoutes, samples: callbackSamples },
  simulator: reftySimulator,
  demo: reftyScenario,
  checks: async (section, context) => [
    await partnerAnswers('Refty', section.baseUrl, `Bearer ${section.apiKey}`),
    ...(await Promise.all(section.rules.flatMap((rule) => rule.postings.map((posting) => postingExists(context, 'REFTY_RULES', posting))))),
    ...(await Promise.all(
      section.rules.flatMap((rule) => rule.steps.map((step) => stageExists(context, `REFTY_RULES step ${step.stepId}`, step.stage))),
    )),
  ],
};
