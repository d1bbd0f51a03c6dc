// The simulated HRLogics screening API (../shared/spec/partners.md, HRLogics), mounted at `/hrlogics`. HRLogics
// publishes no API, so the contract in the spec is what is simulated here, no more.
import type { Router } from 'express';
import { z } from 'zod';
import { parseWith } from '../../../sandbox/http';
import { idempotencyKey } from '../../../sandbox/idempotency';
import { partnerApi, type PartnerApiDeps } from '../../../sandbox/partner-api';
import { partnerErrors } from '../../../sandbox/partner-errors';
import type { HrlogicsStore, ScreeningStatus } from './store';

export interface HrlogicsApiDeps extends PartnerApiDeps {
  store: HrlogicsStore;
}

const text = z.string().min(1);
const screeningBody = z.object({
  externalId: text,
  postingId: text.optional(),
  applicant: z.object({ firstName: z.string(), lastName: z.string(), email: z.email(), phone: text.optional() }),
});
const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const hireBody = z.object({ startDate: isoDate, jobTitle: text.optional(), workState: text.optional() });

const ANY_STATUS: readonly ScreeningStatus[] = ['sent', 'completed', 'expired', 'cancelled'];

export function hrlogicsApi({ store, ...deps }: HrlogicsApiDeps): Router {
  return partnerApi(deps, {
    service: 'hrlogics',
    // Where `surveyUrl` points: the applicant's side of the survey is played through the control API.
    publicRoutes: (router) =>
      router.get('/survey/:id', (req, res) => {
        const { screeningId, status } = store.get(req.params.id);
        res
          .type('text/plain')
          .send(
            `Simulated HRLogics WOTC survey ${screeningId} (${status}). Submit it with POST /_control/hrlogics/screenings/${screeningId}/complete\n`,
          );
      }),
    routes: (router) => {
      router.post('/v1/screenings', (req, res) => {
        const input = parseWith(screeningBody, req.body, partnerErrors);
        const { screeningId, surveyUrl, status } = store.create(input, idempotencyKey(req));
        res.status(201).json({ screeningId, surveyUrl, status });
      });

      router.post('/v1/screenings/:id/reminders', (req, res) => {
        store.update(req.params.id, ['sent'], (s) => (s.reminders += 1), idempotencyKey(req));
        res.status(202).json({ status: 'sent' });
      });

      router.post('/v1/screenings/:id/hire', (req, res) => {
        store.get(req.params.id);
        const hire = parseWith(hireBody, req.body, partnerErrors);
        store.update(req.params.id, ['sent', 'completed', 'expired'], (s) => (s.hire = hire), idempotencyKey(req));
        res.status(202).json({ status: 'accepted' });
      });

      router.delete('/v1/screenings/:id', (req, res) => {
        store.update(req.params.id, ANY_STATUS, (s) => (s.status = 'cancelled'));
        res.status(204).send();
      });
    },
  });
}
