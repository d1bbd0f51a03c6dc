// The simulated technical-interview platform API (../shared/spec/partners.md), mounted at `/tech-interview`: it
// receives the Lever stage and hire of candidates it exported. Repeated Idempotency-Keys are replayed.
import type { Router } from 'express';
import { z } from 'zod';
import { parseWith, SimProblem } from '../../../sandbox/http';
import { idempotencyKey } from '../../../sandbox/idempotency';
import { partnerApi, type PartnerApiDeps } from '../../../sandbox/partner-api';
import { partnerErrors } from '../../../sandbox/partner-errors';
import type { TechInterviewStore } from './store';

export interface TechInterviewApiDeps extends PartnerApiDeps {
  store: TechInterviewStore;
}

const statusBody = z.object({ stageId: z.string().min(1), stageName: z.string().min(1), hired: z.boolean() });

export function techInterviewApi({ store, ...deps }: TechInterviewApiDeps): Router {
  return partnerApi(deps, {
    service: 'tech-interview',
    routes: (router) => {
      router.post('/v1/candidates/:interviewId/status', (req, res) => {
        const status = parseWith(statusBody, req.body, partnerErrors);
        if (!store.interviews.has(req.params.interviewId))
          throw new SimProblem('notFound', `interview ${req.params.interviewId} not found`);
        store.report(req.params.interviewId, status, idempotencyKey(req));
        res.status(202).json({ status: 'accepted' });
      });
    },
  });
}
