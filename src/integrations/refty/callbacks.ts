// Refty callbacks -> signals to the sequence process of the opportunity named by `externalId`.
import { z } from 'zod';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { opaqueId, signalRoute, type CallbackRoutes } from '../kit/callbacks';
import { reftyRequestUpdateSignal, type ReftyRequestOutcome, type ReftyRequestUpdate } from './messages';

const ids = { requestId: opaqueId, candidateId: opaqueId, externalId: opaqueId, stepId: opaqueId };
const completed = z.object({ ...ids, reportUrl: z.url().max(2000) });
const ended = z.object(ids);

const route = (outcome: ReftyRequestOutcome, schema: z.ZodType<z.infer<typeof ended> & { reportUrl?: string }>) =>
  signalRoute(
    schema,
    (body) => integrationProcessId('refty', body.externalId),
    reftyRequestUpdateSignal,
    (body, { webhookId }): ReftyRequestUpdate => ({
      callbackId: webhookId,
      outcome,
      requestId: body.requestId,
      stepId: body.stepId,
      reportUrl: body.reportUrl,
    }),
  );

export const reftyCallbackRoutes: CallbackRoutes = {
  'request.completed': route('completed', completed),
  'request.expired': route('expired', ended),
  'request.declined': route('declined', ended),
};
