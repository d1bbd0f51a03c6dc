// HRLogics callbacks -> signals to the screening process of the opportunity named by `externalId`.
// `targetGroups` is sensitive and unused: it is validated but never forwarded.
import { z } from 'zod';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { opaqueId, signalRoute, type CallbackRoutes } from '../kit/callbacks';
import { screeningCompletedSignal, screeningExpiredSignal } from './messages';

const ids = { screeningId: opaqueId, externalId: opaqueId };
const completed = z.object({ ...ids, result: z.enum(['pre_qualified', 'not_qualified']), targetGroups: z.array(z.string()).optional() });
const expired = z.object(ids);

const screeningProcess = (body: { externalId: string }) => integrationProcessId('hrlogics', body.externalId);

export const hrlogicsCallbackRoutes: CallbackRoutes = {
  'screening.completed': signalRoute(completed, screeningProcess, screeningCompletedSignal, (body, { webhookId }) => ({
    callbackId: webhookId,
    screeningId: body.screeningId,
    result: body.result,
  })),
  'screening.expired': signalRoute(expired, screeningProcess, screeningExpiredSignal, (body, { webhookId }) => ({
    callbackId: webhookId,
    screeningId: body.screeningId,
  })),
};
