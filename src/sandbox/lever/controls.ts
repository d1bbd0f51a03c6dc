// Control API for the simulated Lever account, mounted at `/_control/lever`: plays the people using
// Lever (a candidate applies, a recruiter moves, hires, archives or deletes) and sends the webhooks Lever
// would send for it; also exposes the request and delivery logs and lets tests forge or rerun webhooks.
import express, { Router } from 'express';
import { z } from 'zod';
import { LEVER_EVENTS, type LeverEvent } from '../../lever/events';
import { controlErrors, parseWith, queryOne, redeliverBody, SimProblem } from '../http';
import type { RequestLog } from '../request-log';
import { createBulkPostings } from './bulk';
import { renderNote, renderOpportunity } from './render';
import type { LeverStore, SimOpportunity } from './store';
import type { KeyAccess } from './access';
import type { WebhookRegistry } from './webhook-registry';
import type { LeverWebhookSender } from './webhooks';

export interface LeverControlDeps {
  store: LeverStore;
  webhooks: LeverWebhookSender;
  registry: WebhookRegistry;
  access: KeyAccess;
  requests: RequestLog;
}

const text = z.string().min(1);
const applicationBody = z.object({ name: text, email: z.email().optional(), phone: text.optional(), postingId: text.optional() });
const stageBody = z.object({ stageId: text });
const tagsBody = z.object({ tags: z.array(text).min(1) });
const confidentialityBody = z.object({ confidentiality: z.enum(['confidential', 'non-confidential']) });
const userBody = z.object({ accessRole: text });
const archiveBody = z.object({ reason: text.nullable().optional() });
const count = z.number().int().min(0).max(2_000);
const bulkBody = z.object({ count: count.min(1), applicantsPerPosting: count.max(500).default(2), applicantsOnFirst: count.optional() });
const emailBody = z.object({ email: z.email() });
const activeBody = z.object({ active: z.boolean() });
const dropBody = z.object({ events: z.array(z.enum(LEVER_EVENTS)).optional() });
const scopesBody = z.object({ scopes: z.array(text) });
const confidentialAccessBody = z.strictObject({ confidential: z.boolean() });
const sendBody = z.object({
  event: z.enum(LEVER_EVENTS),
  data: z.record(z.string(), z.unknown()),
  triggeredAt: z.number().int().positive().optional(),
});

const HIRED_REASON = 'reason-hired';
const DEFAULT_ARCHIVE_REASON = 'reason-not-fit';

/** Lever's candidateId is the opportunity id since its opportunities migration. */
const person = (o: SimOpportunity) => ({ opportunityId: o.id, candidateId: o.id, contactId: o.contact });

export function leverControls({ store, webhooks, registry, access, requests }: LeverControlDeps): Router {
  const router = Router();
  router.use(express.json());
  const emit = (event: LeverEvent, data: Record<string, unknown>) => webhooks.emit(event, data).map((d) => d.deliveryId);
  const full = (o: SimOpportunity) => ({
    ...renderOpportunity(store, o, { applications: true }),
    notes: store.notesOf(o.id).map(renderNote),
  });

  /** Archiving with a hired-type reason is how Lever hires, so it fires candidateHired too. */
  const archive = (o: SimOpportunity, reason: string | null): string[] => {
    const change = store.setArchived(o, reason);
    const hired = reason !== null && store.archiveReason(reason).type === 'hired';
    return [
      ...(hired ? emit('candidateHired', person(o)) : []),
      ...emit('candidateArchiveChange', { opportunityId: o.id, candidateId: o.id, fromArchived: change.from, toArchived: change.to }),
    ];
  };

  router.post('/applications', (req, res) => {
    const { name, email, phone, postingId } = parseWith(applicationBody, req.body, controlErrors);
    const posting = postingId === undefined ? undefined : store.referenced(() => store.posting(postingId));
    if (posting && posting.state !== 'published')
      throw new SimProblem('badRequest', `posting ${posting.id} is ${posting.state}: it takes no applications`);
    const o = store.createOpportunity({
      name,
      emails: email ? [email] : [],
      phones: phone ? [{ value: phone, type: 'mobile' }] : [],
      origin: 'applied',
      stage: 'applicant-new',
      postingId,
      withApplication: true,
      owner: posting?.owner ?? undefined,
    });
    const application = o.applications[0];
    const deliveryIds = emit('applicationCreated', {
      ...person(o),
      applicationId: application.id,
      ...(application.posting ? { postingId: application.posting } : {}),
    });
    res.status(201).json({ opportunityId: o.id, contactId: o.contact, applicationId: application.id, deliveryIds });
  });

  /** A recruiter tags a posting (e.g. with a Willo interview); opportunities created later inherit it. */
  router.post('/postings/:id/tags', (req, res) => {
    const posting = store.posting(req.params.id);
    store.addPostingTags(posting, parseWith(tagsBody, req.body, controlErrors).tags);
    res.json({ id: posting.id, tags: posting.tags });
  });
  /** A recruiter makes a posting confidential (or not): keys without confidential access stop seeing it and its candidates. */
  router.put('/postings/:id/confidentiality', (req, res) => {
    const posting = store.posting(req.params.id);
    posting.confidentiality = parseWith(confidentialityBody, req.body, controlErrors).confidentiality;
    res.json({ id: posting.id, confidentiality: posting.confidentiality });
  });
  /** An admin changes a user's access role (which decides, for one, whether they may create opportunities). */
  router.put('/users/:id', (req, res) => {
    const user = store.user(req.params.id);
    user.accessRole = parseWith(userBody, req.body, controlErrors).accessRole;
    res.json(user);
  });
  router.post(
    '/postings/bulk',
    (req, res) => void res.status(201).json(createBulkPostings(store, parseWith(bulkBody, req.body, controlErrors))),
  );

  router.get('/opportunities', (_req, res) => void res.json([...store.opportunities.values()].map(full)));
  router.get('/opportunities/:id', (req, res) => void res.json(full(store.opportunity(req.params.id))));

  router.post('/opportunities/:id/stage', (req, res) => {
    const o = store.opportunity(req.params.id);
    const { stageId } = parseWith(stageBody, req.body, controlErrors);
    // Lever sends nothing for a move into the stage the candidate is already in.
    if (stageId === o.stage) return void res.json({ opportunityId: o.id, deliveryIds: [] });
    const { from, to } = store.moveStage(o, stageId);
    res.json({ opportunityId: o.id, deliveryIds: emit('candidateStageChange', { ...person(o), fromStageId: from, toStageId: to }) });
  });

  router.post('/opportunities/:id/hire', (req, res) => {
    const o = store.opportunity(req.params.id);
    res.json({ opportunityId: o.id, deliveryIds: archive(o, HIRED_REASON) });
  });

  router.post('/opportunities/:id/archive', (req, res) => {
    const o = store.opportunity(req.params.id);
    const { reason } = parseWith(archiveBody, req.body, controlErrors);
    res.json({ opportunityId: o.id, deliveryIds: archive(o, reason === undefined ? DEFAULT_ARCHIVE_REASON : reason) });
  });

  router.delete('/opportunities/:id', (req, res) => {
    const o = store.opportunity(req.params.id);
    store.remove(o);
    res.json({ opportunityId: o.id, deliveryIds: emit('candidateDeleted', { opportunityId: o.id, candidateId: o.id }) });
  });

  /** A recruiter adds an email to an opportunity: Lever sends no webhook for that, only `updatedAt` moves. */
  router.post('/opportunities/:id/emails', (req, res) => {
    const o = store.opportunity(req.params.id);
    store.addEmail(o, parseWith(emailBody, req.body, controlErrors).email);
    res.json({ opportunityId: o.id, emails: o.emails, deliveryIds: [] });
  });

  /** An admin deactivates a Lever user (or reactivates one with `{active: true}`). */
  router.post('/users/:id/active', (req, res) => {
    const user = store.user(req.params.id);
    user.deactivatedAt = parseWith(activeBody, req.body, controlErrors).active ? null : Date.now();
    res.json(user);
  });

  /** The webhooks Lever has registered, with their tokens. */
  router.get('/webhooks', (_req, res) => void res.json(registry.webhooks));
  /** Regenerate a webhook's signature token, as on Lever's settings page. */
  router.post('/webhooks/:id/rotate', (req, res) => void res.json(registry.rotate(req.params.id)));
  /** The "drop webhooks" fault: Lever gives up on every delivery of these events (all when none are named). */
  router.put('/webhooks/drop', (req, res) => {
    const { events } = parseWith(dropBody, req.body, controlErrors);
    registry.drop(events ?? 'all');
    res.json({ dropping: events ?? 'all' });
  });
  router.delete('/webhooks/drop', (_req, res) => {
    registry.drop([]);
    res.json({ dropping: [] });
  });

  /** The API key's confidential access (without it, confidential postings and their candidates are hidden). */
  router.put(
    '/confidential-access',
    (req, res) => void res.json(access.setConfidential(parseWith(confidentialAccessBody, req.body, controlErrors).confidential)),
  );
  /** The scopes of the API key (e.g. without `webhooks:read:admin`, the webhooks API answers 403). */
  router.put('/scopes', (req, res) => void res.json(access.setScopes(parseWith(scopesBody, req.body, controlErrors).scopes)));

  router.use('/requests', requests.controlRoutes());

  router.get('/deliveries', (req, res) => {
    const event = queryOne(req, 'event');
    const opportunityId = queryOne(req, 'opportunityId');
    res.json(webhooks.deliveries.filter((d) => (!event || d.event === event) && (!opportunityId || d.opportunityId === opportunityId)));
  });

  router.post('/deliveries/:deliveryId/redeliver', async (req, res) => {
    const { times } = parseWith(redeliverBody, req.body, controlErrors);
    const results = await webhooks.redeliver(req.params.deliveryId, times);
    res.json({ deliveryId: req.params.deliveryId, statuses: results.map((r) => r.status ?? 0), results });
  });

  router.post('/webhooks/send', async (req, res) => {
    const { event, data, triggeredAt } = parseWith(sendBody, req.body, controlErrors);
    res.json(await webhooks.sendOnce(event, data, triggeredAt));
  });

  return router;
}
