// The technical-interview platform's Node side: configuration, client and activities, callbacks,
// simulator and demo.
import { partnerAnswers, performAsUser, stageExists } from '../kit/checks';
import type { IntegrationServer } from '../kit/server';
import { createTechInterviewActivities } from './activities';
import { techInterviewCallbackRoutes } from './callbacks';
import { callbackSamples } from './callback-samples';
import { docs } from './docs';
import { TechInterviewClient } from './client';
import { techInterviewEditable, readTechInterviewConfig, techInterviewSettings, type TechInterviewConfig } from './config';
import { techInterviewScenario } from './demo';
import type { TechInterviewSettings } from './messages';
import { techInterviewSimulator } from './sandbox/simulator';

export const techInterviewServer: IntegrationServer<TechInterviewConfig, TechInterviewSettings> = {
  docs,
  config: readTechInterviewConfig,
  editable: techInterviewEditable,
  settings: techInterviewSettings,
  activities: (section, { observe }) => ({ partner: createTechInterviewActivities(new TechInterviewClient({ ...section, observe })) }),
  callbacks: { subject: 'interview', routes: techInterviewCallbackRoutes, samples: callbackSamples },
  simulator: techInterviewSimulator,
  demo: techInterviewScenario,
  checks: async (section, context) => [
    await partnerAnswers(section.platformName, section.baseUrl, `Bearer ${section.apiKey}`),
    await performAsUser(context, 'TECH_INTERVIEW_PERFORM_AS_EMAIL', section.performAsEmail),
    await stageExists(context, 'TECH_INTERVIEW_DEFAULT_STAGE', section.defaultStage),
  ],
};
