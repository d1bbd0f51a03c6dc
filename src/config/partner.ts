// The part of every integration's configuration that says how to reach its partner: on/off, base URL,
// API key and the Standard Webhooks secret of its callbacks. Each integration adds its own settings.
import { z } from 'zod';
import { bool, url, type EnvReader } from './env';
import { SANDBOX_PARTNER_API_KEY } from './sandbox-defaults';

export interface PartnerConnection {
  enabled: boolean;
  baseUrl: string;
  apiKey: string;
  callbackSecret: string;
}

/** What an integration's section parser knows about the relay as a whole. */
export interface SectionContext {
  /** Sandbox mode: every credential has a local default. */
  sandbox: boolean;
  /** The sandbox's base URL; each simulated partner lives under `/<path>`. */
  sandboxUrl: string;
}

/**
 * `<PREFIX>_ENABLED`, `_BASE_URL`, `_API_KEY`, `_CALLBACK_SECRET`. In sandbox mode the integration is on and
 * points at its simulator unless told otherwise; in production every setting of an enabled one is required.
 */
export function partnerConnection(
  r: EnvReader,
  ctx: SectionContext,
  { prefix, path, sandboxSecret }: { prefix: string; path: string; sandboxSecret: string },
): PartnerConnection {
  const enabled = r.get(`${prefix}_ENABLED`, bool, ctx.sandbox);
  const dflt = <T>(value: T): T | undefined => (ctx.sandbox ? value : undefined);
  return {
    enabled,
    baseUrl: r.get(`${prefix}_BASE_URL`, url, dflt(`${ctx.sandboxUrl}/${path}`), enabled),
    apiKey: r.get(`${prefix}_API_KEY`, z.string().min(1), dflt(SANDBOX_PARTNER_API_KEY), enabled),
    callbackSecret: r.get(
      `${prefix}_CALLBACK_SECRET`,
      z.string().startsWith('whsec_', 'must start with whsec_'),
      dflt(sandboxSecret),
      enabled,
    ),
  };
}

/**
 * `<PREFIX>_STOP_NOTES` (default on): whether the integration writes a short note on the opportunity when
 * its flow cannot go on (no email, expired...), for accounts that do not want them.
 */
export function stopNotesSetting(r: EnvReader, prefix: string): boolean {
  return r.get(`${prefix}_STOP_NOTES`, bool, true);
}

/** A value that has a default only in sandbox mode. */
export function sandboxDefault<T>(ctx: SectionContext, value: T): T | undefined {
  return ctx.sandbox ? value : undefined;
}
