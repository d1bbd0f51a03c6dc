// Control API for the simulated HRLogics, mounted at `/_control/hrlogics`: lists screenings and plays
// the applicant (submits the survey, or lets it expire), which sends the signed callback to the relay.
import express, { Router } from 'express';
import { z } from 'zod';
import type { HrlogicsCallback } from '../client';
import { controlErrors, parseWith, queryOne } from '../../../sandbox/http';
import type { PartnerCallbackSender } from '../../../sandbox/partner-callbacks';
import type { RequestLog } from '../../../sandbox/request-log';
import type { HrlogicsStore } from './store';

export interface HrlogicsControlDeps {
  store: HrlogicsStore;
  callbacks: PartnerCallbackSender;
  requests: RequestLog;
}

const completeBody = z.object({ result: z.enum(['pre_qualified', 'not_qualified']), targetGroups: z.array(z.string().min(1)).optional() });

export function hrlogicsControls({ store, callbacks, requests }: HrlogicsControlDeps): Router {
  const router = Router();
  router.use(express.json());
  const send = (callback: HrlogicsCallback) => callbacks.send(callback);

  router.get('/screenings', (req, res) => void res.json(store.list(queryOne(req, 'externalId'))));
  router.get('/screenings/:id', (req, res) => void res.json(store.get(req.params.id)));

  router.post('/screenings/:id/complete', async (req, res) => {
    const { result, targetGroups = [] } = parseWith(completeBody, req.body, controlErrors);
    const s = store.update(req.params.id, ['sent'], (screening) => {
      screening.status = 'completed';
      screening.result = result;
      screening.targetGroups = targetGroups;
    });
    res.json(await send({ type: 'screening.completed', screeningId: s.screeningId, externalId: s.externalId, result, targetGroups }));
  });

  router.post('/screenings/:id/expire', async (req, res) => {
    const s = store.update(req.params.id, ['sent'], (screening) => (screening.status = 'expired'));
    res.json(await send({ type: 'screening.expired', screeningId: s.screeningId, externalId: s.externalId }));
  });

  router.use('/callbacks', callbacks.controlRoutes());
  router.use('/requests', requests.controlRoutes());
  return router;
}
