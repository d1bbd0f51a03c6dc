// Willo callbacks -> signals to the interview process of the participant. Willo's bodies name the
// participant and the interview (../shared/spec/partners.md), nothing of ours: the process that invited the
// participant carries its key in the `WilloParticipant` search attribute, and a visibility query finds it.
// Visibility is eventually consistent: a callback in the moment between the invite and the search
// attribute becoming visible gets a 404, and Willo delivers it again. An `external_id`, when a body
// carries one (our opportunity id, set on the participant when inviting), names the process directly.
// `new_comment` and `new_score` are not used: acknowledged and ignored like every type not listed here.
import { z } from 'zod';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { opaqueId, plainId, signalRoute, type CallbackRoutes, type SignalTarget } from '../kit/callbacks';
import { willoRespondedSignal, willoReviewedSignal } from './messages';

// The participant key goes into a visibility query: a plain id.
const ids = { participant: plainId, interview: opaqueId, external_id: opaqueId.optional() };
const newResponse = z.object({ ...ids, responses_url: z.url().max(2000).optional() });
const stageChange = z.object({ ...ids, stage: z.string().min(1).max(200) });

const interviewProcess = (body: { participant: string; external_id?: string }): string | SignalTarget =>
  body.external_id
    ? integrationProcessId('willo', body.external_id)
    : { searchAttribute: SEARCH_ATTRIBUTES.willoParticipant, value: body.participant };

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
