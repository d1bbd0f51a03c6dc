// Willo's settings in its decision tests, and in the registry-wide decision properties
// (test/unit/decisions.test.ts finds this file through the registry): one trigger stage by name, one by id,
// and the account of the generated snapshots' interview tag (test/harness/decisions.ts).
import type { WilloSettings } from '../../../src/integrations/willo/messages';

export const settings: WilloSettings = {
  account: 'Acme',
  triggerStages: ['Phone Screen', 'stage-video'],
  acceptedStages: [],
  rejectedStages: [],
  inviteExpiryMs: 1,
  reviewWaitMs: 1,
  stopNotes: true,
};
