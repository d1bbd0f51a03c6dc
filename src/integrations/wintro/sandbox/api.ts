// The simulated Wintro API (../shared/spec/partners.md, Wintro), mounted at `/wintro`: the vacancy list and each
// vacancy's exclusions, both replaced whole by PUT.
import type { Router } from 'express';
import { z } from 'zod';
import { parseWith } from '../../../sandbox/http';
import { partnerErrors } from '../../../sandbox/partner-errors';
import { partnerApi, type PartnerApiDeps } from '../../../sandbox/partner-api';
import type { WintroStore } from './store';

export interface WintroApiDeps extends PartnerApiDeps {
  store: WintroStore;
}

const text = z.string().min(1);
const vacanciesBody = z.object({
  vacancies: z.array(
    z.object({
      externalId: text,
      title: text,
      team: text.optional(),
      location: text.optional(),
      commitment: text.optional(),
      applyUrl: z.url().optional(),
    }),
  ),
});
const exclusionsBody = z.object({ emailHashes: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256')) });

export function wintroApi({ store, ...deps }: WintroApiDeps): Router {
  return partnerApi(deps, {
    service: 'wintro',
    jsonLimit: '5mb',
    routes: (router) => {
      router.put('/v1/vacancies', (req, res) => {
        const { vacancies } = parseWith(vacanciesBody, req.body, partnerErrors);
        res.json(store.replaceVacancies(vacancies));
      });
      router.put('/v1/vacancies/:id/exclusions', (req, res) => {
        const { emailHashes } = parseWith(exclusionsBody, req.body, partnerErrors);
        res.json({ externalId: req.params.id, count: store.replaceExclusions(req.params.id, emailHashes) });
      });
    },
  });
}
