// The technical-interview platform's settings in its decision tests, and in the registry-wide decision
// properties (test/unit/decisions.test.ts finds this file through the registry): the platform name of the
// generated snapshots' interview tag (test/harness/decisions.ts).
import type { TechInterviewSettings } from '../../../src/integrations/tech-interview/messages';

export const settings: TechInterviewSettings = {
  platformName: 'TechScreen',
  performAsEmail: 'x@example.com',
  defaultStage: 'New Applicant',
  exportUnsuccessful: false,
};
