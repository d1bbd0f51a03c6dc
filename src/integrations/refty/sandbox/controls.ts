// Control API for the simulated Refty, mounted at `/_control/refty`: lists candidates and step requests
// (`/step-requests`; `/requests` is the HTTP request log, as for every service), and
// plays the candidate or referee (completes, lets expire, declines a request), sending the signed callback.
import express, { Router } from 'express';
import type { ReftyCallback } from '../client';
import { queryOne } from '../../../sandbox/http';
import type { PartnerCallbackSender } from '../../../sandbox/partner-callbacks';
import type { RequestLog } from '../../../sandbox/request-log';
import type { ReftyStore, SimRequest } from './store';

export interface ReftyControlDeps {
  store: ReftyStore;
  callbacks: PartnerCallbackSender;
  requests: RequestLog;
  reportUrl: (requestId: string) => string;
}

const ids = (r: SimRequest) => ({ requestId: r.requestId, candidateId: r.candidateId, externalId: r.externalId, stepId: r.stepId });

export function reftyControls({ store, callbacks, requests, reportUrl }: ReftyControlDeps): Router {
  const router = Router();
  router.use(express.json());
  const send = (callback: ReftyCallback) => callbacks.send(callback);

  router.get('/candidates', (req, res) => void res.json(store.listCandidates(queryOne(req, 'externalId'))));
  router.get('/step-requests', (req, res) => void res.json(store.listRequests(queryOne(req, 'externalId'))));

  router.post('/step-requests/:id/complete', async (req, res) => {
    const r = store.finish(req.params.id, 'completed', reportUrl(req.params.id));
    res.json(await send({ type: 'request.completed', ...ids(r), reportUrl: r.reportUrl! }));
  });
  router.post('/step-requests/:id/expire', async (req, res) => {
    res.json(await send({ type: 'request.expired', ...ids(store.finish(req.params.id, 'expired')) }));
  });
  router.post('/step-requests/:id/decline', async (req, res) => {
    res.json(await send({ type: 'request.declined', ...ids(store.finish(req.params.id, 'declined')) }));
  });

  router.use('/callbacks', callbacks.controlRoutes());
  router.use('/requests', requests.controlRoutes());
  return router;
}
