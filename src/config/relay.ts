// The relay's own configuration (everything but the integrations' sections): sandbox mode, Temporal,
// the API, the payload key, Lever, the opportunity process. Each integration parses its own section
// (src/integrations/<name>/config.ts); src/assembly/config.ts puts them together.
import { z } from 'zod';
import { LEVER_EVENTS, eventEnvSuffix, type LeverEvent } from '../lever/events';
import { DEFAULT_KEY_ID, type PayloadKey } from '../temporal/codec';
import type { TemporalSettings } from '../temporal/connection';
import { bool, duration, port, toMs, url, type EnvReader } from './env';
import { readOidcConfig, type OidcConfig } from './oidc';
import type { SectionContext } from './partner';
import {
  SANDBOX_ADMIN_TOKEN,
  SANDBOX_LEVER_API_KEY,
  SANDBOX_LEVER_WEBHOOK_TOKENS,
  SANDBOX_PAYLOAD_KEY,
  SANDBOX_PORT,
  sandboxBaseUrl,
} from './sandbox-defaults';

export interface RelayConfig {
  sandbox: { enabled: boolean; port: number };
  dataDir: string;
  temporal: TemporalSettings;
  api: {
    port: number;
    bodyLimit: string;
    publicUrl: string;
    adminToken: string;
    /** Serve `/codec/decode` so the Temporal UI can show decrypted payloads (to operators and admins only). */
    codecEndpoint: boolean;
    /** Sign-in through an OpenID Connect provider (src/config/oidc.ts); undefined: the admin token only. */
    oidc?: OidcConfig;
  };
  /** The key that encrypts (the first of `payloadKeys`). */
  payloadKey: Buffer;
  /** Every key that decrypts, the encrypting one first (`PAYLOAD_ENCRYPTION_KEYS`, or the one `PAYLOAD_ENCRYPTION_KEY`). */
  payloadKeys: PayloadKey[];
  lever: {
    baseUrl: string;
    apiKey: string;
    ratePerSecond: number;
    /** Signature tokens set in the environment, per event: these win over Lever's. */
    webhookTokens: Record<LeverEvent, string[]>;
    /** Tokens used for an event until Lever's webhooks API has listed ours: the sandbox's in sandbox mode. */
    fallbackWebhookTokens: Record<LeverEvent, string[]>;
    webhookMaxAgeMs: number;
    /** How long stage names, hired archive reasons and posting tags are kept in a worker's memory. */
    lookupCacheTtlMs: number;
    /** How often the sweep lists opportunities updated since the last one; undefined: no sweep. */
    sweepIntervalMs?: number;
    /** How far each sweep window reaches back before the previous sweep's start. */
    sweepOverlapMs: number;
    /** Opportunities a sweep or backfill hands over a second at most. */
    bulkTriggerRate: number;
    /** Register our webhooks through Lever's API at worker start. */
    webhooksManage: boolean;
    /** How often the API reloads signature tokens from Lever's webhooks API (for events without tokens in the environment). */
    webhookTokenRefreshMs: number;
  };
  opportunity: {
    /**
     * How long a candidateHired trigger waits for the candidateArchiveChange Lever sends with it, so a hire
     * costs one read; every other trigger is acted on at once.
     */
    pairWindowMs: number;
  };
  /** Issues (src/issues): how often they are evaluated, when they resolve, where they are notified. */
  issues: {
    /** Undefined: no evaluations (`ISSUES_EVALUATION_INTERVAL=off`). */
    evaluationIntervalMs?: number;
    /** An issue not seen for this long resolves by itself. */
    resolveAfterMs: number;
    /** What workers and APIs observe (Lever 429s, refused callbacks) counts this long; a failure not seen again is forgotten after it. */
    observationWindowMs: number;
    /** A service (Lever or a partner) failing with no answer for this long opens `service-failing`. */
    failingAfterMs: number;
    /** Receives a signed JSON POST on every open, reopen and resolve; undefined: nobody is notified. */
    alertWebhookUrl?: string;
    /** The `whsec_...` secret the notifications are signed with (Standard Webhooks). */
    alertWebhookSecret?: string;
  };
  worker: {
    /** Where a worker serves its Prometheus metrics (`/metrics`); undefined: none. */
    metricsPort?: number;
  };
  logLevel: string;
}

const durationOrOff = z.union([z.literal('off'), duration]);

/** ISSUES_FAILING_AFTER's default: a partner or Lever failing this long (activities retrying) needs a person. */
export const DEFAULT_FAILING_AFTER = '15m';

function optionalDuration<K extends string>(value: string, key: K): Partial<Record<K, number>> {
  return value === 'off' ? {} : ({ [key]: toMs(value) } as Record<K, number>);
}

export function readRelayConfig(r: EnvReader): { relay: RelayConfig; context: SectionContext } {
  const leverBaseUrl = r.get('LEVER_API_BASE_URL', url, undefined);
  const sandboxEnabled = r.get('SANDBOX_ENABLED', bool, leverBaseUrl === undefined);
  const sandboxPort = r.get('SANDBOX_PORT', port, SANDBOX_PORT);
  const sandboxUrl = sandboxBaseUrl(sandboxPort);
  // In sandbox mode every credential has a local default; in production each must be given.
  const dflt = <T>(value: T): T | undefined => (sandboxEnabled ? value : undefined);

  const apiPort = r.get('API_PORT', port, 3000);
  const temporalAddress = r.get('TEMPORAL_ADDRESS', z.string().min(3), undefined);

  const webhookTokens = {} as Record<LeverEvent, string[]>;
  const fallbackWebhookTokens = {} as Record<LeverEvent, string[]>;
  for (const event of LEVER_EVENTS) {
    webhookTokens[event] = r.list(`LEVER_WEBHOOK_TOKENS_${eventEnvSuffix(event)}`, r.list('LEVER_WEBHOOK_TOKENS', []));
    fallbackWebhookTokens[event] = sandboxEnabled ? [SANDBOX_LEVER_WEBHOOK_TOKENS[event]] : [];
  }

  const payloadKeys = readPayloadKeys(r, dflt(SANDBOX_PAYLOAD_KEY));
  const adminToken = r.get('ADMIN_TOKEN', z.string().min(16, 'must be at least 16 characters'), dflt(SANDBOX_ADMIN_TOKEN)) ?? '';
  const oidc = readOidcConfig(r, adminToken);
  const payloadKey = payloadKeys[0]?.key ?? Buffer.alloc(0);

  const relay: RelayConfig = {
    sandbox: { enabled: sandboxEnabled, port: sandboxPort },
    dataDir: r.get('RELAY_DATA_DIR', z.string().min(1), '.data'),
    temporal: {
      embedded: temporalAddress === undefined,
      address: temporalAddress ?? 'localhost:7233',
      namespace: r.get('TEMPORAL_NAMESPACE', z.string().min(1), 'default'),
      // 127.0.0.1 like API_PUBLIC_URL: one site, so the console's SameSite=Strict cookie reaches the codec from the UI.
      uiUrl: r.get('TEMPORAL_UI_URL', url, 'http://127.0.0.1:8233'),
      taskQueue: r.get('RELAY_TASK_QUEUE', z.string().min(1), 'lever-relay'),
      maxCachedWorkflows: r.get('WORKER_MAX_CACHED_WORKFLOWS', z.coerce.number().int().min(0), 500),
    },
    api: {
      port: apiPort,
      bodyLimit: r.get('API_BODY_LIMIT', z.string().regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 256kb'), '256kb'),
      publicUrl: r.get('API_PUBLIC_URL', url, `http://127.0.0.1:${apiPort}`),
      adminToken,
      codecEndpoint: r.get('CODEC_ENDPOINT_ENABLED', bool, sandboxEnabled),
      ...(oidc ? { oidc } : {}),
    },
    payloadKey,
    payloadKeys,
    lever: {
      baseUrl: leverBaseUrl ?? `${sandboxUrl}/lever/v1`,
      apiKey: r.get('LEVER_API_KEY', z.string().min(1), dflt(SANDBOX_LEVER_API_KEY), true),
      ratePerSecond: r.get('LEVER_RATE_LIMIT_PER_SECOND', z.coerce.number().positive().max(20), 8),
      webhookTokens,
      fallbackWebhookTokens,
      webhookMaxAgeMs: toMs(r.get('LEVER_WEBHOOK_MAX_AGE', duration, '15d')),
      lookupCacheTtlMs: toMs(r.get('LEVER_LOOKUP_CACHE_TTL', duration, '5m')),
      ...optionalDuration(r.get('LEVER_SWEEP_INTERVAL', durationOrOff, '15m'), 'sweepIntervalMs'),
      sweepOverlapMs: toMs(r.get('LEVER_SWEEP_OVERLAP', duration, '2m')),
      bulkTriggerRate: r.get('LEVER_BULK_TRIGGER_RATE', z.coerce.number().positive().max(1000), 25),
      webhooksManage: r.get('LEVER_WEBHOOKS_MANAGE', bool, false),
      webhookTokenRefreshMs: toMs(r.get('LEVER_WEBHOOK_TOKEN_REFRESH', duration, '5m')),
    },
    opportunity: {
      pairWindowMs: (() => {
        const window = r.get('OPPORTUNITY_HIRE_PAIR_WINDOW', durationOrOff, '300ms');
        return window === 'off' ? 0 : toMs(window);
      })(),
    },
    issues: (() => {
      const alertWebhookUrl = r.get('ALERT_WEBHOOK_URL', url, undefined);
      const alertWebhookSecret = r.get(
        'ALERT_WEBHOOK_SECRET',
        z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be whsec_<base64>'),
        undefined,
      );
      if (alertWebhookUrl && !alertWebhookSecret) r.problems.push('ALERT_WEBHOOK_SECRET is required with ALERT_WEBHOOK_URL');
      return {
        ...optionalDuration(r.get('ISSUES_EVALUATION_INTERVAL', durationOrOff, '1m'), 'evaluationIntervalMs'),
        resolveAfterMs: toMs(r.get('ISSUES_RESOLVE_AFTER', duration, '10m')),
        observationWindowMs: toMs(r.get('ISSUES_OBSERVATION_WINDOW', duration, '15m')),
        failingAfterMs: toMs(r.get('ISSUES_FAILING_AFTER', duration, DEFAULT_FAILING_AFTER)),
        ...(alertWebhookUrl ? { alertWebhookUrl } : {}),
        ...(alertWebhookSecret ? { alertWebhookSecret } : {}),
      };
    })(),
    worker: {
      ...(() => {
        const metricsPort = r.get('WORKER_METRICS_PORT', z.union([z.literal('off'), port]), 9464);
        return metricsPort === 'off' ? {} : { metricsPort };
      })(),
    },
    logLevel: r.get('LOG_LEVEL', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  };
  return { relay, context: { sandbox: sandboxEnabled, sandboxUrl } };
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `PAYLOAD_ENCRYPTION_KEYS=<id>:<base64 key>,...` (the first encrypts, all decrypt), or the one
 * `PAYLOAD_ENCRYPTION_KEY` (id `relay-v1`, the id every payload written before rotation carries).
 */
function readPayloadKeys(r: EnvReader, sandboxKey: string | undefined): PayloadKey[] {
  const list = r.list('PAYLOAD_ENCRYPTION_KEYS', []);
  const keys: PayloadKey[] = [];
  if (list.length > 0) {
    for (const [i, entry] of list.entries()) {
      const [id, text] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
      const key = Buffer.from(text, 'base64');
      if (entry.indexOf(':') < 1 || !KEY_ID.test(id))
        r.problems.push(`PAYLOAD_ENCRYPTION_KEYS[${i}] must be <id>:<base64 key>, the id of letters, digits, . _ -`);
      else if (key.length !== 32)
        r.problems.push(`PAYLOAD_ENCRYPTION_KEYS[${i}] (${id}) must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
      else if (keys.some((k) => k.id === id)) r.problems.push(`PAYLOAD_ENCRYPTION_KEYS names the key id ${id} twice`);
      else keys.push({ id, key });
    }
    return keys;
  }
  const text = r.get('PAYLOAD_ENCRYPTION_KEY', z.base64(), sandboxKey, true);
  const key = Buffer.from(text ?? '', 'base64');
  if (text && key.length !== 32) r.problems.push('PAYLOAD_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return text && key.length === 32 ? [{ id: DEFAULT_KEY_ID, key }] : [];
}
