// The middleware every simulated partner API shares, in order: log the request, inject faults, (public
// pages), check the key, parse JSON, replay Idempotency-Keys; then the partner's endpoints; then 404 and
// errors in the partner format.
import express, { Router, type Request } from 'express';
import type { Faults } from './faults';
import { errorHandler, SimProblem } from './http';
import type { IdempotencyStore } from './idempotency';
import { idempotencyKeyReused, partnerErrors, partnerUnauthorized } from './partner-errors';
import type { RequestLog } from './request-log';

export interface PartnerApiDeps {
  requests: RequestLog;
  faults: Faults;
  idempotency: IdempotencyStore;
  apiKey: string;
}

export interface PartnerApiOptions {
  /** The name the fault settings are kept under. */
  service: string;
  /** Reads the key from a request; default `Authorization: Bearer <key>`. */
  keyOf?: (req: Request) => string | undefined;
  /** Pages reachable without the key (a survey, a report): where partner links point. */
  publicRoutes?: (router: Router) => void;
  routes: (router: Router) => void;
  /** Express's JSON body limit (a vacancy's exclusions can be thousands of hashes). */
  jsonLimit?: string;
}

export function bearerKey(req: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
}

export function partnerApi({ requests, faults, idempotency, apiKey }: PartnerApiDeps, options: PartnerApiOptions): Router {
  const keyOf = options.keyOf ?? bearerKey;
  const router = Router();
  router.use(requests.middleware(keyOf));
  router.use(faults.middleware(options.service, partnerErrors));
  options.publicRoutes?.(router);
  router.use((req, _res, next) => {
    if (keyOf(req) !== apiKey) throw partnerUnauthorized();
    next();
  });
  router.use(express.json({ limit: options.jsonLimit ?? '100kb' }));
  router.use(idempotency.middleware(idempotencyKeyReused));
  options.routes(router);
  router.use((req) => {
    throw new SimProblem('notFound', `no endpoint ${req.method} ${req.path}`);
  });
  router.use(errorHandler(partnerErrors));
  return router;
}
