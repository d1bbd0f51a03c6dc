// The simulated Wintro API (spec/partners.md, Wintro), mounted at `/wintro`: the vacancy list and each
// vacancy's exclusions, both replaced whole by PUT.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Faults } from '../faults';
import { errorHandler, parseWith, SimProblem } from '../http';
import { partnerErrors, partnerUnauthorized } from '../partner-errors';
import type { RequestLog } from '../request-log';
import { bearerKey } from '../hrlogics/api';
import type { WintroStore } from './store';

export interface WintroApiDeps {
  store: WintroStore;
  requests: RequestLog;
  faults: Faults;
  apiKey: string;
}

const text = z.string().min(1);
const vacanciesBody = z.object({
  vacancies: z.array(
    z.object({ externalId: text, title: text, team: text.optional(), location: text.optional(), commitment: text.optional(), applyUrl: z.url().optional() }),
  ),
});
const exclusionsBody = z.object({ emailHashes: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256')) });

export function wintroApi({ store, requests, faults, apiKey }: WintroApiDeps): Router {
  const router = Router();
  router.use(requests.middleware(bearerKey));
  router.use(faults.middleware('wintro', partnerErrors));
  router.use((req, _res, next) => {
    if (bearerKey(req) !== apiKey) throw partnerUnauthorized();
    next();
  });
  // A vacancy's exclusions can be thousands of hashes.
  router.use(express.json({ limit: '5mb' }));

  router.put('/v1/vacancies', (req, res) => {
    const { vacancies } = parseWith(vacanciesBody, req.body, partnerErrors);
    res.json(store.replaceVacancies(vacancies));
  });

  router.put('/v1/vacancies/:id/exclusions', (req, res) => {
    const { emailHashes } = parseWith(exclusionsBody, req.body, partnerErrors);
    res.json({ externalId: req.params.id, count: store.replaceExclusions(req.params.id, emailHashes) });
  });

  router.use((req) => {
    throw new SimProblem('notFound', `no endpoint ${req.method} ${req.path}`);
  });
  router.use(errorHandler(partnerErrors));
  return router;
}
