// The simulated Refty API (../shared/spec/partners.md, Refty), mounted at `/refty`. Refty publishes no API, so the
// contract in the spec is what is simulated here, no more.
import type { Router } from 'express';
import { z } from 'zod';
import { parseWith } from '../../../sandbox/http';
import { idempotencyKey } from '../../../sandbox/idempotency';
import { partnerApi, type PartnerApiDeps } from '../../../sandbox/partner-api';
import { partnerErrors } from '../../../sandbox/partner-errors';
import type { ReftyStore } from './store';

export interface ReftyApiDeps extends PartnerApiDeps {
  store: ReftyStore;
}

const text = z.string().min(1);
const candidateBody = z.object({
  externalId: text,
  sequenceId: text,
  language: text,
  firstName: z.string(),
  lastName: z.string(),
  email: z.email(),
  phone: text.optional(),
  jobTitle: text.optional(),
});

export function reftyApi({ store, ...deps }: ReftyApiDeps): Router {
  return partnerApi(deps, {
    service: 'refty',
    // Where `reportUrl` points.
    publicRoutes: (router) =>
      router.get('/reports/:id', (req, res) => {
        const { requestId, status } = store.request(req.params.id);
        res.type('text/plain').send(`Simulated Refty report for request ${requestId} (${status}).\n`);
      }),
    routes: (router) => {
      router.post('/v1/candidates', (req, res) => {
        const { candidateId } = store.join(parseWith(candidateBody, req.body, partnerErrors));
        res.status(201).json({ candidateId });
      });
      router.post('/v1/candidates/:id/steps/:stepId/requests', (req, res) => {
        const { requestId, status } = store.createRequest(req.params.id, req.params.stepId, idempotencyKey(req));
        res.status(201).json({ requestId, status });
      });
      router.delete('/v1/requests/:id', (req, res) => {
        const request = store.request(req.params.id);
        // Cancelling a finished request changes nothing: the outcome stands.
        if (request.status === 'sent') request.status = 'cancelled';
        res.status(204).send();
      });
    },
  });
}
