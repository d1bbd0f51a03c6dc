// The simulated Lever Data API v1 (../shared/spec/lever.md section 2), mounted at `/lever/v1`. Order of the
// middleware: log every request, inject faults, check auth, spend a rate-limit token, then the endpoint.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { LeverOrigin } from '../../lever/types';
import type { Faults } from '../faults';
import { errorHandler, parseWith, queryList, queryOne, SimProblem } from '../http';
import type { RateSettings } from '../rate-limit';
import type { RequestLog } from '../request-log';
import { LEVER_EVENTS } from '../../lever/events';
import { mayCreateOpportunities } from '../../lever/roles';
import { accessOf, basicCredentials, leverAccess, type KeyAccess } from './access';
import { leverErrors, leverForbidden } from './errors';
import { paginate } from './pagination';
import { renderNote, renderOpportunity, type Expand } from './render';
import type { SimPosting } from './seed';
import type { LeverStore, SimOpportunity } from './store';
import { renderWebhook, type WebhookRegistry } from './webhook-registry';

export interface LeverDataApiDeps {
  store: LeverStore;
  registry: WebhookRegistry;
  requests: RequestLog;
  faults: Faults;
  /** Every API key the account has, with what it may see and do. */
  access: KeyAccess;
  rate: RateSettings;
}

const ORIGINS = ['agency', 'applied', 'internal', 'referred', 'sourced', 'university'] as const satisfies readonly LeverOrigin[];
const text = z.string().min(1);

const createBody = z.object({
  name: z.string().optional(),
  headline: z.string().optional(),
  location: z.string().optional(),
  stage: text.optional(),
  emails: z.array(text).optional(),
  phones: z.array(z.object({ value: text, type: z.string().optional() })).optional(),
  links: z.array(z.string()).optional(),
  tags: z.array(text).optional(),
  sources: z.array(text).optional(),
  origin: z.enum(ORIGINS).optional(),
  owner: text.optional(),
  followers: z.array(text).optional(),
  postings: z.array(text).max(1, 'an opportunity can have at most one posting').optional(),
  createdAt: z.number().int().positive().optional(),
  archived: z.object({ reason: text, archivedAt: z.number().int().positive().optional() }).optional(),
  contact: text.optional(),
});
const tagsBody = z.object({ tags: z.array(text) });
const sourcesBody = z.object({ sources: z.array(text) });
const noteBody = z.object({
  value: text,
  secret: z.boolean().optional(),
  score: z.number().int().min(1).max(4).optional(),
  notifyFollowers: z.boolean().optional(),
  createdAt: z.number().int().positive().optional(),
});
const stageBody = z.object({ stage: text });
const archivedBody = z.object({ reason: text.nullable(), cleanInterviews: z.boolean().optional(), requisitionId: z.string().optional() });

const canonical = (email: string) => email.trim().toLowerCase();

/** Repeated values of one parameter are OR'd; different parameters are AND'd. */
const opportunityFilters: Record<string, (o: SimOpportunity, value: string) => boolean> = {
  email: (o, v) => o.emails.some((e) => canonical(e) === canonical(v)),
  posting_id: (o, v) => o.applications.some((a) => a.posting === v),
  tag: (o, v) => o.tags.includes(v),
  stage_id: (o, v) => o.stage === v,
  contact_id: (o, v) => o.contact === v,
  origin: (o, v) => o.origin === v,
  archived: (o, v) => {
    if (v !== 'true' && v !== 'false') throw new SimProblem('badRequest', 'archived must be true or false');
    return (o.archived !== null) === (v === 'true');
  },
  // Time filters in epoch milliseconds, as Lever documents them.
  updated_at_start: (o, v) => o.updatedAt >= epochMs(v),
  updated_at_end: (o, v) => o.updatedAt <= epochMs(v),
  created_at_start: (o, v) => o.createdAt >= epochMs(v),
  created_at_end: (o, v) => o.createdAt <= epochMs(v),
};

function epochMs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SimProblem('badRequest', `${value} is not a time in epoch milliseconds`);
  return n;
}

export function leverDataApi({ store, registry, requests, faults, access, rate }: LeverDataApiDeps): Router {
  const router = Router();
  router.use(requests.middleware((req) => basicCredentials(req)?.username));
  router.use(faults.middleware('lever', leverErrors));
  router.use(leverAccess(access, rate));
  router.use(express.json());

  const body = <T>(schema: z.ZodType<T>, req: Request) => parseWith(schema, req.body, leverErrors);
  const expandOf = (req: Request): Expand => {
    const expand = queryList(req, 'expand');
    return { applications: expand.includes('applications'), stage: expand.includes('stage') };
  };
  const item = (req: Request, o: SimOpportunity) => ({ data: renderOpportunity(store, o, expandOf(req)) });
  /** `perform_as` names the acting user: required to create, optional elsewhere, never unknown. */
  const performAs = (req: Request, required: boolean): string | undefined => {
    const userId = queryOne(req, 'perform_as');
    if (userId === undefined) {
      if (required) throw new SimProblem('badRequest', 'perform_as is required');
      return undefined;
    }
    return store.referenced(() => store.user(userId)).id;
  };

  // A key without confidential access: confidential postings and their opportunities do not exist (404, unlisted).
  const seesPosting = (res: Response, p: SimPosting) => accessOf(res).confidential || p.confidentiality !== 'confidential';
  const seesOpportunity = (res: Response, o: SimOpportunity) => accessOf(res).confidential || !store.isConfidential(o);
  const opportunityFor = (res: Response, id: string): SimOpportunity => {
    const opportunity = store.opportunity(id);
    if (!seesOpportunity(res, opportunity)) throw new SimProblem('notFound', `opportunity ${id} not found`);
    return opportunity;
  };
  const postingFor = (res: Response, id: string): SimPosting => {
    const posting = store.posting(id);
    if (!seesPosting(res, posting)) throw new SimProblem('notFound', `posting ${id} not found`);
    return posting;
  };

  router.get('/opportunities', (req, res) => {
    const active = Object.entries(opportunityFilters)
      .map(([name, match]) => ({ match, values: queryList(req, name) }))
      .filter((f) => f.values.length > 0);
    const matching = [...store.opportunities.values()].filter(
      (o) => seesOpportunity(res, o) && active.every((f) => f.values.some((v) => f.match(o, v))),
    );
    const page = paginate(matching, req);
    res.json({ ...page, data: page.data.map((o) => renderOpportunity(store, o, expandOf(req))) });
  });

  router.post('/opportunities', (req, res) => {
    const userId = performAs(req, true)!;
    const { accessRole } = store.user(userId);
    // `POST /opportunities?perform_as=` with a user whose role may not add candidates (an interviewer) is refused.
    if (!mayCreateOpportunities(accessRole)) {
      throw leverForbidden(`user ${userId} (${accessRole}) may not create opportunities`);
    }
    const { postings, ...input } = body(createBody, req);
    if (postings?.[0] !== undefined) store.referenced(() => postingFor(res, postings[0]));
    const created = store.createOpportunity({ ...input, postingId: postings?.[0], owner: input.owner ?? userId });
    res.status(201).json(item(req, created));
  });

  router.get('/opportunities/:id', (req, res) => void res.json(item(req, opportunityFor(res, req.params.id))));

  const listEdit = <K extends 'tags' | 'sources'>(
    path: string,
    schema: z.ZodType<Record<K, string[]>>,
    key: K,
    apply: (o: SimOpportunity, values: string[]) => void,
  ) => {
    router.post(`/opportunities/:id/${path}`, (req, res) => {
      performAs(req, false);
      const opportunity = opportunityFor(res, req.params.id);
      apply(opportunity, body(schema, req)[key]);
      res.json(item(req, opportunity));
    });
  };
  listEdit('addTags', tagsBody, 'tags', (o, v) => store.addTags(o, v));
  listEdit('removeTags', tagsBody, 'tags', (o, v) => store.removeTags(o, v));
  listEdit('addSources', sourcesBody, 'sources', (o, v) => store.addSources(o, v));
  listEdit('removeSources', sourcesBody, 'sources', (o, v) => store.removeSources(o, v));

  router.post('/opportunities/:id/notes', (req, res) => {
    const user = performAs(req, false);
    const opportunity = opportunityFor(res, req.params.id);
    const { value, secret, score, createdAt } = body(noteBody, req);
    const note = store.saveNote(opportunity, { value, secret, score, createdAt, user }, queryOne(req, 'note_id'));
    res.status(201).json({ data: { noteId: note.id } });
  });

  router.get('/opportunities/:id/notes', (req, res) => {
    const opportunity = opportunityFor(res, req.params.id);
    const page = paginate(store.notesOf(opportunity.id), req);
    res.json({ ...page, data: page.data.map(renderNote) });
  });

  router.put('/opportunities/:id/stage', (req, res) => {
    const user = performAs(req, false);
    const opportunity = opportunityFor(res, req.params.id);
    store.moveStage(opportunity, body(stageBody, req).stage, user ?? null);
    res.json(item(req, opportunity));
  });

  router.put('/opportunities/:id/archived', (req, res) => {
    performAs(req, false);
    const opportunity = opportunityFor(res, req.params.id);
    store.setArchived(opportunity, body(archivedBody, req).reason);
    res.json(item(req, opportunity));
  });

  router.get('/postings', (req, res) => {
    // Asking for confidential postings with a key that may not see them is refused, not answered empty:
    // that is how a key's missing confidential access shows (`npm run doctor`, the issues).
    const confidentiality = queryOne(req, 'confidentiality');
    if ((confidentiality === 'confidential' || confidentiality === 'all') && !accessOf(res).confidential)
      throw leverForbidden('the API key has no access to confidential data');
    const states = queryList(req, 'state');
    const channels = queryList(req, 'distributionChannel');
    const matching = store.postings.filter((p) => {
      if (!seesPosting(res, p)) return false;
      if (confidentiality === 'confidential' && p.confidentiality !== 'confidential') return false;
      if (states.length > 0 && !states.includes(p.state)) return false;
      const postingChannels = p.distributionChannels ?? [];
      if (channels.length > 0) return postingChannels.some((c) => channels.includes(c));
      // Lever's quirk: without a channel filter, published means published on the public job site.
      return p.state !== 'published' || postingChannels.includes('public');
    });
    res.json(paginate(matching, req));
  });
  router.get('/postings/:id', (req, res) => void res.json({ data: postingFor(res, req.params.id) }));

  router.get('/stages', (req, res) => void res.json(paginate(store.stages, req)));
  router.get('/stages/:id', (req, res) => void res.json({ data: store.stage(req.params.id) }));

  router.get('/users', (req, res) => {
    const emails = queryList(req, 'email').map(canonical);
    const includeDeactivated = queryOne(req, 'includeDeactivated') === 'true';
    const matching = store.users.filter(
      (u) => (emails.length === 0 || emails.includes(canonical(u.email))) && (includeDeactivated || !u.deactivatedAt),
    );
    res.json(paginate(matching, req));
  });
  router.get('/users/:id', (req, res) => void res.json({ data: store.user(req.params.id) }));

  router.get('/archive_reasons', (req, res) => {
    const type = queryOne(req, 'type');
    if (type !== undefined && type !== 'hired' && type !== 'non-hired')
      throw new SimProblem('badRequest', 'type must be hired or non-hired');
    res.json(
      paginate(
        store.archiveReasons.filter((r) => type === undefined || r.type === type),
        req,
      ),
    );
  });
  router.get('/archive_reasons/:id', (req, res) => void res.json({ data: store.archiveReason(req.params.id) }));

  router.get('/tags', (req, res) => void res.json(paginate(store.tagCounts(), req)));
  router.get('/sources', (req, res) => void res.json(paginate(store.sourceCounts(), req)));

  // Webhooks via the API (../shared/spec/lever.md): admin scopes required.
  const webhookBody = z.object({
    url: z.url(),
    event: z.enum(LEVER_EVENTS),
    configuration: z.object({ conditions: z.unknown().optional() }).optional(),
  });
  const webhookUpdates = z.object({
    data: z
      .array(z.object({ id: text, url: z.url().optional(), enabled: z.boolean().optional(), event: z.enum(LEVER_EVENTS).optional() }))
      .min(1),
  });
  const readWebhooks = access.requireScope('webhooks:read:admin');
  const writeWebhooks = access.requireScope('webhooks:write:admin');
  router.get('/webhooks', readWebhooks, (req, res) => {
    const page = paginate(registry.webhooks, req);
    res.json({ ...page, data: page.data.map(renderWebhook) });
  });
  router.post('/webhooks', writeWebhooks, (req, res) => {
    const { url, event } = body(webhookBody, req);
    // Lever's own example answers double-nested: `{data: {data: {...}}}`.
    res.status(201).json({ data: { data: renderWebhook(registry.create({ event, url })) } });
  });
  router.put('/webhooks', writeWebhooks, (req, res) => {
    const updated = body(webhookUpdates, req).data.map(({ id, ...change }) => registry.update(id, change));
    res.json({ data: updated.map(renderWebhook) });
  });
  router.delete('/webhooks/:id', writeWebhooks, (req, res) => {
    registry.remove(String(req.params.id));
    res.status(204).send();
  });

  router.use((req) => {
    throw new SimProblem('notFound', `no endpoint ${req.method} ${req.path}`);
  });
  router.use(errorHandler(leverErrors));
  return router;
}
