// Wintro callbacks -> workflows. `referral.applied` starts the referral's own process, keyed by the
// referral id (a second delivery is a duplicate); `notification` starts a short one keyed by the
// callback's `webhook-id`, which also marks the note it writes.
import { z } from 'zod';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { startAction, plainId, type CallbackRoutes } from '../kit/callbacks';
import { wintroSettings, type WintroConfig } from './config';
import { wintroNotification, wintroReferral } from './referral-workflow';

const name = z.string().trim().min(1).max(200);
const referral = z.object({
  referralId: plainId,
  leverPostingId: plainId,
  candidate: z.object({ name, email: z.email(), phone: z.string().trim().min(1).max(50).optional(), linkedinUrl: z.url().optional() }),
  referrer: z.object({ name, email: z.email() }),
});
const notification = z.object({ leverOpportunityId: plainId, message: z.string().trim().min(1).max(10_000) });

const searchAttributes = [
  { key: SEARCH_ATTRIBUTES.integration, value: 'wintro' },
  { key: SEARCH_ATTRIBUTES.status, value: 'received' },
];

export function wintroCallbackRoutes(section: WintroConfig): CallbackRoutes {
  return {
    'referral.applied': {
      schema: referral,
      toStart: (body: z.infer<typeof referral>) =>
        section.enabled
          ? startAction(wintroReferral, {
              workflowId: integrationProcessId('wintro', 'referral', body.referralId),
              args: [
                {
                  referralId: body.referralId,
                  postingId: body.leverPostingId,
                  candidate: body.candidate,
                  referrer: body.referrer,
                  settings: wintroSettings(section),
                },
              ],
              searchAttributes,
            })
          : undefined,
    },
    notification: {
      schema: notification,
      toStart: (body: z.infer<typeof notification>, { webhookId }) =>
        section.enabled
          ? startAction(wintroNotification, {
              workflowId: integrationProcessId('wintro', 'notification', webhookId),
              args: [{ callbackId: webhookId, opportunityId: body.leverOpportunityId, message: body.message }],
              searchAttributes,
            })
          : undefined,
    },
  };
}
