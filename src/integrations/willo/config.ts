// Willo's section of the configuration: `WILLO_*`.
import { z } from 'zod';
import { duration, toMs, type EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, stopNotesSetting, type PartnerConnection, type SectionContext } from '../../config/partner';
import { sandboxCallbackSecret } from '../../config/sandbox-defaults';
import { field, type SettingFields } from '../../settings/fields';
import type { WilloSettings } from './messages';
import { willoInterviewTitles } from './tags';

/** The `<Account>` of the sandbox's Willo interview tags, e.g. `Willo:Engineering Screen-Sandbox`. */
export const SANDBOX_WILLO_ACCOUNT = 'Sandbox';

export interface WilloConfig extends PartnerConnection {
  /** Word before the key in the Authorization header (Willo's header prefix is configurable). */
  authPrefix: string;
  /** The `<Account>` part of posting tags `Willo:<Interview>-<Account>`. */
  account: string;
  /** Lever stages (id or name) whose entry invites the candidate. */
  triggerStages: string[];
  /** Willo stage names that mean accepted / rejected. */
  acceptedStages: string[];
  rejectedStages: string[];
  inviteExpiry: string;
  reviewWait: string;
  stopNotes: boolean;
}

export function readWilloConfig(r: EnvReader, ctx: SectionContext): WilloConfig {
  const connection = partnerConnection(r, ctx, { prefix: 'WILLO', path: 'willo', sandboxSecret: sandboxCallbackSecret('willo') });
  return {
    ...connection,
    authPrefix: r.get('WILLO_AUTH_PREFIX', z.string().regex(/^\S+$/, 'must be one word such as Bearer'), 'Bearer'),
    // Without an account or trigger stages Willo is "not set up" (see `willoEditable`), not a start-up error.
    account: r.get('WILLO_ACCOUNT', z.string().min(1), sandboxDefault(ctx, SANDBOX_WILLO_ACCOUNT)) ?? '',
    triggerStages: r.stages('WILLO_TRIGGER_STAGES', ctx.sandbox ? ['Phone Screen'] : [], false),
    acceptedStages: r.list('WILLO_ACCEPTED_STAGES', ['Accepted']),
    rejectedStages: r.list('WILLO_REJECTED_STAGES', ['Rejected']),
    inviteExpiry: r.get('WILLO_INVITE_EXPIRY', duration, '14d'),
    reviewWait: r.get('WILLO_REVIEW_WAIT', duration, '90d'),
    stopNotes: stopNotesSetting(r, 'WILLO'),
  };
}

export function willoSettings(section: WilloConfig): WilloSettings {
  return {
    account: section.account,
    triggerStages: section.triggerStages,
    acceptedStages: section.acceptedStages,
    rejectedStages: section.rejectedStages,
    inviteExpiryMs: toMs(section.inviteExpiry),
    reviewWaitMs: toMs(section.reviewWait),
    stopNotes: section.stopNotes,
  };
}

/** What an admin edits on Willo's settings page. */
export const willoEditable: SettingFields = {
  enabled: field.boolean('Enabled'),
  triggerStages: field.stages('Trigger stages', {
    help: 'Entering one of these Lever stages invites the candidate.',
    requiredWhenEnabled: true,
  }),
  account: {
    ...field.text('Willo account', { help: 'The <Account> of posting tags Willo:<Interview>-<Account>.', requiredWhenEnabled: true }),
    // An account no posting's interview tag names would invite nobody: almost certainly a typo.
    check: async (account: string, lists) =>
      (await lists.postings()).some((posting) => willoInterviewTitles(posting.tags, account).length > 0)
        ? undefined
        : `no Lever posting has a Willo interview tag of account "${account}" (Willo:<Interview>-${account})`,
  },
  acceptedStages: field.textList('Accepted Willo stages', 'Willo stage names that mean the candidate was accepted.'),
  rejectedStages: field.textList('Rejected Willo stages', 'Willo stage names that mean the candidate was rejected.'),
  inviteExpiry: field.duration('Invite expiry', 'How long an invite waits for the candidate (e.g. 14d).'),
  reviewWait: field.duration('Review wait', 'How long a response waits for the reviewer (e.g. 90d).'),
  stopNotes: field.boolean('Stop notes', 'Write a short note in Lever when the interview cannot go on.'),
};
