// Refty's settings in its decision tests, and in the registry-wide decision properties
// (test/unit/decisions.test.ts finds this file through the registry): one rule covering the generated
// snapshots' covered posting, a step linked to a stage by id and one by name (test/harness/decisions.ts).
import type { ReftySettings } from '../../../src/integrations/refty/messages';

export const settings: ReftySettings = {
  stopNotes: true,
  rules: [
    {
      postings: ['posting-covered'],
      sequenceId: 'seq',
      language: 'en',
      steps: [
        { stepId: 'self', kind: 'self_assessment', stage: 'phone-screen', name: 'Self Assessment' },
        { stepId: 'refs', kind: 'reference_check', stage: 'On-site', name: 'Reference Check' },
      ],
    },
  ],
};
