// Willo callbacks -> signals to the Willo process of the opportunity named by `external_id` (the id we
// gave the participant when inviting; see src/partners/willo.ts). `new_comment` and `new_score` are not
// used: acknowledged and ignored like every type not listed here.
import { z } from 'zod';
import { workflowIds } from '../workflow-ids';
import { willoRespondedSignal, willoReviewedSignal } from '../workflows/willo-messages';
import { signalRoute, type CallbackRoutes } from './partner-ingress';

const id = z.string().min(1).max(200);
const ids = { participant: id, interview: id, external_id: id };
const newResponse = z.object({ ...ids, responses_url: z.url().max(2000).optional() });
const stageChange = z.object({ ...ids, stage: z.string().min(1).max(200) });
const process = (body: { external_id: string }) => workflowIds.willo(body.external_id);

export const willoCallbackRoutes: CallbackRoutes = {
  new_response: signalRoute(newResponse, process, willoRespondedSignal.name, (body, { webhookId }) => ({
    callbackId: webhookId,
    participantKey: body.participant,
    responsesUrl: body.responses_url,
  })),
  stage_change: signalRoute(stageChange, process, willoReviewedSignal.name, (body, { webhookId }) => ({
    callbackId: webhookId,
    participantKey: body.participant,
    stage: body.stage,
  })),
};
