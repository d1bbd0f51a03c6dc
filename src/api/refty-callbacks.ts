// Refty callbacks -> signals to the Refty process of the opportunity named by `externalId`.
import { z } from 'zod';
import { workflowIds } from '../workflow-ids';
import { reftyRequestUpdateSignal, type ReftyRequestOutcome, type ReftyRequestUpdate } from '../workflows/refty-messages';
import { signalRoute, type CallbackRoutes } from './partner-ingress';

const id = z.string().min(1).max(200);
const ids = { requestId: id, candidateId: id, externalId: id, stepId: id };
const completed = z.object({ ...ids, reportUrl: z.url().max(2000) });
const ended = z.object(ids);

const route = (outcome: ReftyRequestOutcome, schema: z.ZodType<z.infer<typeof ended> & { reportUrl?: string }>) =>
  signalRoute(schema, (body) => workflowIds.refty(body.externalId), reftyRequestUpdateSignal.name, (body, { webhookId }): ReftyRequestUpdate => ({
    callbackId: webhookId,
    outcome,
    requestId: body.requestId,
    stepId: body.stepId,
    reportUrl: body.reportUrl,
  }));

export const reftyCallbackRoutes: CallbackRoutes = {
  'request.completed': route('completed', completed),
  'request.expired': route('expired', ended),
  'request.declined': route('declined', ended),
};
