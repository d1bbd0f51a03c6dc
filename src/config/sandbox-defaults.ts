// Credentials the sandbox and the relay share when nothing is configured. They only ever protect
// simulated services on localhost; production configuration must replace every one of them. Each
// integration's own sandbox defaults (Willo account, Refty rules...) live in its folder.
import { LEVER_EVENTS, type LeverEvent } from '../lever/events';

export const SANDBOX_PORT = 3100;
export const SANDBOX_LEVER_API_KEY = 'sandbox-lever-api-key';
/** A second key of the sandbox's Lever account, without confidential access: confidential records are hidden from it. */
export const SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY = 'sandbox-lever-api-key-non-confidential';
export const SANDBOX_PARTNER_API_KEY = 'sandbox-partner-api-key';
export const SANDBOX_ADMIN_TOKEN = 'sandbox-admin-token';
/** A seeded sandbox Lever user (Rita Recruiter): whom integrations act as by default. */
export const SANDBOX_PERFORM_AS_EMAIL = 'rita@example.com';

/** One signature token per webhook, as Lever issues them. */
export const SANDBOX_LEVER_WEBHOOK_TOKENS: Record<LeverEvent, string> = Object.fromEntries(
  LEVER_EVENTS.map((event) => [event, `sandbox-${event}-signature-token`]),
) as Record<LeverEvent, string>;

/** The `whsec_...` secret a simulated partner signs its callbacks with; `label` is the integration's path. */
export function sandboxCallbackSecret(label: string): string {
  return `whsec_${Buffer.from(`lever-relay-sandbox-${label}-secret`).toString('base64')}`;
}

/** 32 bytes, base64: the payload codec key for local runs only. */
export const SANDBOX_PAYLOAD_KEY = Buffer.from('lever-relay-sandbox-payload-key!').toString('base64');

export function sandboxBaseUrl(port = SANDBOX_PORT): string {
  return `http://127.0.0.1:${port}`;
}

/** Lever's documented per-key limit: about 10 requests a second, bursts to 20. */
export const SANDBOX_LEVER_RATE = { perSecond: 10, burst: 20 } as const;

/** Gaps between webhook delivery attempts: Lever retries "five times" with growing gaps (schedule unconfirmed). */
export const SANDBOX_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [250, 1_000, 3_000, 10_000, 30_000];
