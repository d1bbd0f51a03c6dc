// One valid body per partner callback type the relay uses, with the paths of the ids in it: the starting
// point of tests that break one field at a time (ingress validation, the fuzz test).

const person = { name: 'Pat Person', email: 'pat@example.com' };

export interface CallbackSample {
  integration: string;
  body: { type: string } & Record<string, unknown>;
  /** Fields that are ids (end up in workflow ids, signals, Lever paths or tags). */
  ids: string[];
}

export const CALLBACK_SAMPLES: readonly CallbackSample[] = [
  {
    integration: 'hrlogics',
    body: { type: 'screening.completed', screeningId: 'scr_1', externalId: 'opp-1', result: 'pre_qualified' },
    ids: ['screeningId', 'externalId'],
  },
  {
    integration: 'hrlogics',
    body: { type: 'screening.expired', screeningId: 'scr_1', externalId: 'opp-1' },
    ids: ['screeningId', 'externalId'],
  },
  {
    integration: 'willo',
    body: { type: 'new_response', participant: 'par-1', interview: 'int-1', external_id: 'opp-1' },
    ids: ['participant', 'interview', 'external_id'],
  },
  {
    integration: 'willo',
    body: { type: 'stage_change', participant: 'par-1', interview: 'int-1', stage: 'Accepted' },
    ids: ['participant', 'interview'],
  },
  {
    integration: 'refty',
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
  {
    integration: 'wintro',
    body: { type: 'referral.applied', referralId: 'ref-1', leverPostingId: 'posting-1', candidate: person, referrer: person },
    ids: ['referralId', 'leverPostingId'],
  },
  { integration: 'wintro', body: { type: 'notification', leverOpportunityId: 'opp-1', message: 'hello' }, ids: ['leverOpportunityId'] },
  {
    integration: 'tech-interview',
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
