// Control API for the simulated Willo, mounted at `/_control/willo`: lists participants, adds interviews
// to the catalogue, and plays the candidate (finishes the video: `new_response`) and the reviewer (moves
// the participant to a stage: `stage_change`), each sending the signed callback to the relay.
import express, { Router } from 'express';
import { z } from 'zod';
import type { WilloCallback } from '../client';
import { controlErrors, parseWith, queryOne, SimProblem } from '../../../sandbox/http';
import type { PartnerCallbackSender } from '../../../sandbox/partner-callbacks';
import type { RequestLog } from '../../../sandbox/request-log';
import type { WilloStore } from './store';

export interface WilloControlDeps {
  store: WilloStore;
  callbacks: PartnerCallbackSender;
  requests: RequestLog;
  /** Where a participant's recorded answers can be seen. */
  responsesUrl: (participantKey: string) => string;
}

const interviewBody = z.object({ title: z.string().min(1), department: z.string().min(1).optional() });
const reviewBody = z.object({ stage: z.string().min(1) });

export function willoControls({ store, callbacks, requests, responsesUrl }: WilloControlDeps): Router {
  const router = Router();
  router.use(express.json());
  const send = (callback: WilloCallback) => callbacks.send(callback);
  // As the contract has them: the participant and the interview, nothing of the relay's.
  const ids = (key: string) => {
    const p = store.participant(key);
    return { participant: p.key, interview: p.interview };
  };

  router.get('/interviews', (_req, res) => void res.json(store.interviews));
  router.post('/interviews', (req, res) => {
    const { title, department } = parseWith(interviewBody, req.body, controlErrors);
    res.status(201).json(store.addInterview(title, department));
  });
  router.get('/participants', (req, res) => void res.json(store.list(queryOne(req, 'externalId'))));

  router.post('/participants/:key/respond', async (req, res) => {
    const participant = store.participant(req.params.key);
    if (participant.status !== 'invited') throw new SimProblem('conflict', `participant ${participant.key} is ${participant.status}`);
    participant.status = 'responded';
    res.json(await send({ type: 'new_response', ...ids(participant.key), responses_url: responsesUrl(participant.key) }));
  });

  router.post('/participants/:key/review', async (req, res) => {
    const { stage } = parseWith(reviewBody, req.body, controlErrors);
    const participant = store.participant(req.params.key);
    participant.stage = stage;
    res.json(await send({ type: 'stage_change', ...ids(participant.key), stage }));
  });

  router.use('/callbacks', callbacks.controlRoutes());
  router.use('/requests', requests.controlRoutes());
  return router;
}
