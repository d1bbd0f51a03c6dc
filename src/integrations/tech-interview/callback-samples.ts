// One valid body per callback type it handles, with the paths of its ids: the ingress and fuzz tests
// break one field at a time from these (see CallbackSample in kit/callbacks.ts).
import type { CallbackSample } from '../kit/callbacks';

const person = { name: 'Pat Person', email: 'pat@example.com' };

export const callbackSamples: CallbackSample[] = [
  {
    body: {
      type: 'interview.completed',
      interviewId: 'int-1',
      outcome: 'advance',
      candidate: { anonymous: false, ...person },
      interviewer: { name: 'Ivy' },
      scores: { technical: 1, communication: 2, problemSolving: 3 },
      leverPostingId: 'posting-1',
    },
    ids: ['interviewId', 'leverPostingId'],
  },
];
