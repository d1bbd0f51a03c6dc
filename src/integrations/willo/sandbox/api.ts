// The simulated Willo Integration API V2 (../shared/spec/partners.md, Willo), mounted at `/willo`: the interview
// catalogue and participants. Willo's header prefix is configurable, so any `<prefix> <key>` is accepted.
import type { Request, Router } from 'express';
import { z } from 'zod';
import { parseWith, queryOne } from '../../../sandbox/http';
import { idempotencyKey } from '../../../sandbox/idempotency';
import { partnerApi, type PartnerApiDeps } from '../../../sandbox/partner-api';
import { partnerErrors } from '../../../sandbox/partner-errors';
import type { SimParticipant, WilloStore } from './store';

export interface WilloApiDeps extends PartnerApiDeps {
  store: WilloStore;
}

const text = z.string().min(1);
const inviteBody = z.object({
  interview: text,
  first_name: z.string(),
  last_name: z.string(),
  email: z.email(),
  phone: text.optional(),
  external_id: text.optional(),
});

const prefixedKey = (req: Request) => /^\S+\s+(\S+)\s*$/.exec(req.get('authorization') ?? '')?.[1];

/** What the API shows of a participant: no more than the contract names (the `external_id` stays inside). */
export const publicParticipant = (p: SimParticipant) => ({
  key: p.key,
  interview: p.interview,
  status: p.status,
  stage: p.stage,
});

export function willoApi({ store, ...deps }: WilloApiDeps): Router {
  return partnerApi(deps, {
    service: 'willo',
    keyOf: prefixedKey,
    // Where `responses_url` points: the reviewer's view, played through the control API.
    publicRoutes: (router) =>
      router.get('/responses/:key', (req, res) => {
        const { key, status } = store.participant(req.params.key);
        res.type('text/plain').send(`Simulated Willo responses of participant ${key} (${status}).\n`);
      }),
    routes: (router) => {
      router.get('/interviews/', (_req, res) => void res.json(store.interviews));
      router.get(
        '/participants/',
        (req, res) => void res.json(store.find(queryOne(req, 'interview'), queryOne(req, 'email')).map(publicParticipant)),
      );
      router.post('/participants/', (req, res) => {
        const input = parseWith(inviteBody, req.body, partnerErrors);
        const participant = store.invite({ ...input, external_id: input.external_id ?? '' }, idempotencyKey(req));
        res.status(201).json({ key: participant.key, interview: participant.interview, status: participant.status });
      });
      router.get('/participants/:key/', (req, res) => {
        const { key, status, stage } = store.participant(req.params.key);
        res.json({ key, status, stage });
      });
      router.delete('/participants/:key/', (req, res) => {
        store.participant(req.params.key).status = 'withdrawn';
        res.status(204).send();
      });
    },
  });
}
