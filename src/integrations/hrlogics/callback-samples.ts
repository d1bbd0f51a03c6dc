// One valid body per callback type it handles, with the paths of its ids: the ingress and fuzz tests
// break one field at a time from these (see CallbackSample in kit/callbacks.ts).
import type { CallbackSample } from '../kit/callbacks';

export const callbackSamples: CallbackSample[] = [
  {
    body: { type: 'screening.completed', screeningId: 'scr_1', externalId: 'opp-1', result: 'pre_qualified' },
    ids: ['screeningId', 'externalId'],
  },
  { body: { type: 'screening.expired', screeningId: 'scr_1', externalId: 'opp-1' }, ids: ['screeningId', 'externalId'] },
];
