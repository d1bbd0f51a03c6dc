// The front and back of a simulated partner API that speaks the common partner contract: request log,
// fault injection, Bearer key, JSON bodies; then 404 for anything else and errors in the partner format.
import express, { Router } from 'express';
import type { Faults } from './faults';
import { bearerKey } from './hrlogics/api';
import { errorHandler, SimProblem } from './http';
import { partnerErrors, partnerUnauthorized } from './partner-errors';
import type { RequestLog } from './request-log';

export interface PartnerRouterDeps {
  requests: RequestLog;
  faults: Faults;
  apiKey: string;
}

/** `service` names the fault settings; `jsonLimit` is Express's body limit. */
export function partnerRouter(service: string, { requests, faults, apiKey }: PartnerRouterDeps, jsonLimit = '100kb'): Router {
  const router = Router();
  router.use(requests.middleware(bearerKey));
  router.use(faults.middleware(service, partnerErrors));
  router.use((req, _res, next) => {
    if (bearerKey(req) !== apiKey) throw partnerUnauthorized();
    next();
  });
  router.use(express.json({ limit: jsonLimit }));
  return router;
}

/** Call after the endpoints. */
export function endPartnerRouter(router: Router): Router {
  router.use((req) => {
    throw new SimProblem('notFound', `no endpoint ${req.method} ${req.path}`);
  });
  router.use(errorHandler(partnerErrors));
  return router;
}
