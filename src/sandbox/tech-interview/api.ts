// The simulated technical-interview platform API (spec/partners.md), mounted at `/tech-interview`: it
// receives the Lever stage and hire of candidates it exported. Repeated Idempotency-Keys are replayed.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Faults } from '../faults';
import { bearerKey } from '../hrlogics/api';
import { errorHandler, parseWith, SimProblem } from '../http';
import { idempotencyKey, type IdempotencyStore } from '../idempotency';
import { idempotencyKeyReused, partnerErrors, partnerUnauthorized } from '../partner-errors';
import type { RequestLog } from '../request-log';
import type { TechInterviewStore } from './store';

export interface TechInterviewApiDeps {
  store: TechInterviewStore;
  requests: RequestLog;
  faults: Faults;
  idempotency: IdempotencyStore;
  apiKey: string;
}

const statusBody = z.object({ stageId: z.string().min(1), stageName: z.string().min(1), hired: z.boolean() });

export function techInterviewApi({ store, requests, faults, idempotency, apiKey }: TechInterviewApiDeps): Router {
  const router = Router();
  router.use(requests.middleware(bearerKey));
  router.use(faults.middleware('tech-interview', partnerErrors));
  router.use((req, _res, next) => {
    if (bearerKey(req) !== apiKey) throw partnerUnauthorized();
    next();
  });
  router.use(express.json());
  router.use(idempotency.middleware(idempotencyKeyReused));

  router.post('/v1/candidates/:interviewId/status', (req, res) => {
    const status = parseWith(statusBody, req.body, partnerErrors);
    if (!store.interviews.has(req.params.interviewId)) throw new SimProblem('notFound', `interview ${req.params.interviewId} not found`);
    store.report(req.params.interviewId, status, idempotencyKey(req));
    res.status(202).json({ status: 'accepted' });
  });

  router.use((req) => {
    throw new SimProblem('notFound', `no endpoint ${req.method} ${req.path}`);
  });
  router.use(errorHandler(partnerErrors));
  return router;
}
