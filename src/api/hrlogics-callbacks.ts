// HRLogics callbacks -> signals to the WOTC workflow of the opportunity named by `externalId`.
// `targetGroups` is sensitive and unused: it is validated but never forwarded.
import { z } from 'zod';
import { workflowIds } from '../workflow-ids';
import { screeningCompletedSignal, screeningExpiredSignal } from '../workflows/wotc-messages';
import { signalRoute, type CallbackRoutes } from './partner-ingress';

const ids = { screeningId: z.string().min(1).max(200), externalId: z.string().min(1).max(200) };
const completed = z.object({ ...ids, result: z.enum(['pre_qualified', 'not_qualified']), targetGroups: z.array(z.string()).optional() });
const expired = z.object(ids);

const wotc = (body: { externalId: string }) => workflowIds.wotc(body.externalId);

export const hrlogicsCallbackRoutes: CallbackRoutes = {
  'screening.completed': signalRoute(completed, wotc, screeningCompletedSignal.name, (body, { webhookId }) => ({
    callbackId: webhookId,
    screeningId: body.screeningId,
    result: body.result,
  })),
  'screening.expired': signalRoute(expired, wotc, screeningExpiredSignal.name, (body, { webhookId }) => ({ callbackId: webhookId, screeningId: body.screeningId })),
};
