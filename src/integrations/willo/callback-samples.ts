// One valid body per callback type it handles, with the paths of its ids: the ingress and fuzz tests
// break one field at a time from these (see CallbackSample in kit/callbacks.ts).
import type { CallbackSample } from '../kit/callbacks';

export const callbackSamples: CallbackSample[] = [
  {
    body: { type: 'new_response', participant: 'par-1', interview: 'int-1', external_id: 'opp-1' },
    ids: ['participant', 'interview', 'external_id'],
  },
  {
    body: { type: 'stage_change', participant: 'par-1', interview: 'int-1', stage: 'Accepted' },
    ids: ['participant', 'interview'],
  },
];
