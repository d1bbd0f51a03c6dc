// Control API for the simulated Wintro, mounted at `/_control/wintro`: what Wintro holds (vacancies,
// exclusions) and what its members do: refer someone (`referral.applied`) or trigger a notification,
// each sent to the relay as a signed callback.
import express, { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { WintroCallback } from '../client';
import { controlErrors, parseWith } from '../../../sandbox/http';
import type { PartnerCallbackSender } from '../../../sandbox/partner-callbacks';
import type { RequestLog } from '../../../sandbox/request-log';
import type { WintroStore } from './store';

export interface WintroControlDeps {
  store: WintroStore;
  callbacks: PartnerCallbackSender;
  requests: RequestLog;
}

const text = z.string().min(1);
const person = z.object({ name: text, email: z.email() });
const referralBody = z.object({
  referralId: text.optional(),
  leverPostingId: text,
  candidate: person.extend({ phone: text.optional(), linkedinUrl: z.url().optional() }),
  referrer: person,
});
const notificationBody = z.object({ leverOpportunityId: text, message: text });

export function wintroControls({ store, callbacks, requests }: WintroControlDeps): Router {
  const router = Router();
  router.use(express.json());
  const send = (callback: WintroCallback) => callbacks.send(callback);

  router.get('/vacancies', (_req, res) => void res.json(store.list()));

  router.post('/referrals', async (req, res) => {
    const { referralId = `ref_${randomBytes(8).toString('hex')}`, ...rest } = parseWith(referralBody, req.body, controlErrors);
    res.json({ referralId, ...(await send({ type: 'referral.applied', referralId, ...rest })) });
  });

  router.post('/notifications', async (req, res) => {
    res.json(await send({ type: 'notification', ...parseWith(notificationBody, req.body, controlErrors) }));
  });

  router.use('/callbacks', callbacks.controlRoutes());
  router.use('/requests', requests.controlRoutes());
  return router;
}
