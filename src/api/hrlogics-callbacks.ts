// HRLogics callbacks -> signals to the WOTC workflow of the opportunity named by `externalId`.
// `targetGroups` is sensitive and unused: it is validated but never forwarded.
import { z } from 'zod';
import { workflowIds } from '../workflow-ids';
import { screeningCompletedSignal, screeningExpiredSignal } from '../workflows/wotc-messages';
import type { CallbackRoutes } from './partner-ingress';

const ids = { screeningId: z.string().min(1).max(200), externalId: z.string().min(1).max(200) };
const completed = z.object({ ...ids, result: z.enum(['pre_qualified', 'not_qualified']), targetGroups: z.array(z.string()).optional() });
const expired = z.object(ids);

export const hrlogicsCallbackRoutes: CallbackRoutes = {
  'screening.completed': {
    schema: completed,
    toSignal: (body: z.infer<typeof completed>, { webhookId }) => ({
      kind: 'signal',
      workflowIds: [workflowIds.wotc(body.externalId)],
      signal: screeningCompletedSignal.name,
      arg: { callbackId: webhookId, screeningId: body.screeningId, result: body.result },
    }),
  },
  'screening.expired': {
    schema: expired,
    toSignal: (body: z.infer<typeof expired>, { webhookId }) => ({
      kind: 'signal',
      workflowIds: [workflowIds.wotc(body.externalId)],
      signal: screeningExpiredSignal.name,
      arg: { callbackId: webhookId, screeningId: body.screeningId },
    }),
  },
};
