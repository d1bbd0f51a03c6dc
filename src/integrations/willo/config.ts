// Willo's section of the configuration: `WILLO_*`.
import { z } from 'zod';
import { duration, toMs, type EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, stopNotesSetting, type PartnerConnection, type SectionContext } from '../../config/partner';
import { sandboxCallbackSecret } from '../../config/sandbox-defaults';
import type { WilloSettings } from './messages';

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
    account: r.get('WILLO_ACCOUNT', z.string().min(1), sandboxDefault(ctx, SANDBOX_WILLO_ACCOUNT), connection.enabled) ?? '',
    triggerStages: r.stages('WILLO_TRIGGER_STAGES', ctx.sandbox ? ['Phone Screen'] : [], connection.enabled),
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
