// Wintro callbacks -> workflows. `referral.applied` starts the referral's own process, keyed by the
// referral id (a second delivery is a duplicate); `notification` starts a short one keyed by the
// callback's `webhook-id`, which also marks the note it writes.
import { z } from 'zod';
import type { Config } from '../config';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { taskQueues } from '../task-queues';
import { workflowIds } from '../workflow-ids';
import type { WintroNotificationInput, WintroReferralInput } from '../workflows/wintro-referral';
import type { CallbackRoutes } from './partner-ingress';
import type { StartAction } from './temporal-actions';

/** Ids end up in workflow ids and Lever tags: opaque tokens only. */
export const partnerId = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'must be an opaque id (letters, digits, . _ : -)');
const name = z.string().trim().min(1).max(200);
const referral = z.object({
  referralId: partnerId,
  leverPostingId: partnerId,
  candidate: z.object({ name, email: z.email(), phone: z.string().trim().min(1).max(50).optional(), linkedinUrl: z.url().optional() }),
  referrer: z.object({ name, email: z.email() }),
});
const notification = z.object({ leverOpportunityId: partnerId, message: z.string().trim().min(1).max(10_000) });

export function wintroCallbackRoutes(config: Pick<Config, 'wintro' | 'temporal'>): CallbackRoutes {
  const start = (workflowType: string, workflowId: string, arg: unknown): StartAction | undefined => config.wintro.enabled ? ({
    kind: 'start',
    workflowType,
    workflowId,
    taskQueue: taskQueues(config.temporal.taskQueue).main,
    args: [arg],
    searchAttributes: [
      { key: SEARCH_ATTRIBUTES.integration, value: INTEGRATIONS.wintro },
      { key: SEARCH_ATTRIBUTES.status, value: 'received' },
    ],
  }) : undefined;
  return {
    'referral.applied': {
      schema: referral,
      toStart: (body: z.infer<typeof referral>) => {
        const input: WintroReferralInput = {
          referralId: body.referralId,
          postingId: body.leverPostingId,
          candidate: body.candidate,
          referrer: body.referrer,
          settings: { performAs: config.wintro.performAs, performAsEmail: config.wintro.performAsEmail },
        };
        return start('wintroReferral', workflowIds.wintroReferral(body.referralId), input);
      },
    },
    notification: {
      schema: notification,
      toStart: (body: z.infer<typeof notification>, { webhookId }) => {
        const input: WintroNotificationInput = { callbackId: webhookId, opportunityId: body.leverOpportunityId, message: body.message };
        return start('wintroNotification', workflowIds.wintroNotification(webhookId), input);
      },
    },
  };
}
