// Willo callbacks -> signals to the interview process of the opportunity named by `external_id` (the id we
// gave the participant when inviting; see client.ts). `new_comment` and `new_score` are not used:
// acknowledged and ignored like every type not listed here.
import { z } from 'zod';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { opaqueId, signalRoute, type CallbackRoutes } from '../kit/callbacks';
import { willoRespondedSignal, willoReviewedSignal } from './messages';

const ids = { participant: opaqueId, interview: opaqueId, external_id: opaqueId };
const newResponse = z.object({ ...ids, responses_url: z.url().max(2000).optional() });
const stageChange = z.object({ ...ids, stage: z.string().min(1).max(200) });
const interviewProcess = (body: { external_id: string }) => integrationProcessId('willo', body.external_id);

export const willoCallbackRoutes: CallbackRoutes = {
  new_response: signalRoute(newResponse, interviewProcess, willoRespondedSignal, (body, { webhookId }) => ({
    callbackId: webhookId,
    participantKey: body.participant,
    responsesUrl: body.responses_url,
  })),
  stage_change: signalRoute(stageChange, interviewProcess, willoReviewedSignal, (body, { webhookId }) => ({
    callbackId: webhookId,
    participantKey: body.participant,
    stage: body.stage,
  })),
};
