// One valid body per callback type it handles, with the paths of its ids: the ingress and fuzz tests
// break one field at a time from these (see CallbackSample in kit/callbacks.ts).
import type { CallbackSample } from '../kit/callbacks';

export const callbackSamples: CallbackSample[] = [
  {
    body: {
      type: 'request.completed',
      requestId: 'req-1',
      candidateId: 'cand-1',
      externalId: 'opp-1',
      stepId: 'step-1',
      reportUrl: 'https://refty.example/r/1',
    },
    ids: ['requestId', 'candidateId', 'externalId', 'stepId'],
  },
  ...(['request.expired', 'request.declined'] as const).map((type) => ({
    body: { type, requestId: 'req-1', candidateId: 'cand-1', externalId: 'opp-1', stepId: 'step-1' },
    ids: ['requestId', 'candidateId', 'externalId', 'stepId'],
  })),
];
