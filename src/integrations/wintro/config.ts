// Wintro's section of the configuration: `WINTRO_*`.
import { z } from 'zod';
import { duration, email, type EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, type PartnerConnection, type SectionContext } from '../../config/partner';
import { SANDBOX_PERFORM_AS_EMAIL, sandboxCallbackSecret } from '../../config/sandbox-defaults';
import { field, type SettingFields } from '../../settings/fields';

export interface WintroConfig extends PartnerConnection {
  /** Lever user (by email) new referral opportunities are created as. */
  performAsEmail: string;
  /** `posting-owner`: create as the posting's owner, falling back to `performAsEmail` when it has none. */
  performAs: 'user' | 'posting-owner';
  /** How often the schedule syncs vacancies and exclusions. */
  syncInterval: string;
}

export function readWintroConfig(r: EnvReader, ctx: SectionContext): WintroConfig {
  const connection = partnerConnection(r, ctx, { prefix: 'WINTRO', path: 'wintro', sandboxSecret: sandboxCallbackSecret('wintro') });
  return {
    ...connection,
    // Without it Wintro is "not set up" (see `wintroEditable`), not a start-up error.
    performAsEmail: r.get('WINTRO_PERFORM_AS_EMAIL', email, sandboxDefault(ctx, SANDBOX_PERFORM_AS_EMAIL)) ?? '',
    performAs: r.get('WINTRO_PERFORM_AS', z.enum(['user', 'posting-owner']), 'user'),
    syncInterval: r.get('WINTRO_SYNC_INTERVAL', duration, '4h'),
  };
}

/** Wintro is not driven by Lever opportunities: its processes get what they need from callbacks. */
export function wintroSettings(section: WintroConfig) {
  return { performAs: section.performAs, performAsEmail: section.performAsEmail };
}

/** What an admin edits on Wintro's settings page. */
export const wintroEditable: SettingFields = {
  enabled: field.boolean('Enabled'),
  performAsEmail: field.user('Perform-as user', {
    help: 'The Lever user referral opportunities are created as.',
    requiredWhenEnabled: true,
  }),
  performAs: field.choice('Create referrals as', ['user', 'posting-owner'], 'posting-owner: the posting owner, else the perform-as user.'),
  syncInterval: field.duration('Sync interval', 'How often postings and exclusions are synced (e.g. 4h).'),
};
