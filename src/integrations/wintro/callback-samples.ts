// One valid body per callback type it handles, with the paths of its ids: the ingress and fuzz tests
// break one field at a time from these (see CallbackSample in kit/callbacks.ts).
import type { CallbackSample } from '../kit/callbacks';

const person = { name: 'Pat Person', email: 'pat@example.com' };

export const callbackSamples: CallbackSample[] = [
  {
    body: { type: 'referral.applied', referralId: 'ref-1', leverPostingId: 'posting-1', candidate: person, referrer: person },
    ids: ['referralId', 'leverPostingId'],
  },
  { body: { type: 'notification', leverOpportunityId: 'opp-1', message: 'hello' }, ids: ['leverOpportunityId'] },
];
