// All configuration, read once from the environment and validated here so that a bad setting stops
// start-up with one message naming every problem, instead of failing later inside a workflow.
import ms from 'ms';
import { z } from 'zod';
import { LEVER_EVENTS, eventEnvSuffix, type LeverEvent } from './lever/events';
import { parseReftyRules } from './refty-rules-config';
import {
  SANDBOX_ADMIN_TOKEN,
  SANDBOX_CALLBACK_SECRETS,
  SANDBOX_LEVER_API_KEY,
  SANDBOX_LEVER_WEBHOOK_TOKENS,
  SANDBOX_PARTNER_API_KEY,
  SANDBOX_PAYLOAD_KEY,
  SANDBOX_PERFORM_AS_EMAIL,
  SANDBOX_PORT,
  SANDBOX_REFTY_RULES,
  SANDBOX_WILLO_ACCOUNT,
  sandboxBaseUrl,
} from './sandbox/defaults';
import type { ReftyRule } from './workflows/refty-rules';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface PartnerConnection {
  enabled: boolean;
  baseUrl: string;
  apiKey: string;
  callbackSecret: string;
}

export interface HrlogicsConfig extends PartnerConnection {
  reminderInterval: string;
  maxReminders: number;
  expiry: string;
  hireWait: string;
}

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
}

export interface ReftyConfig extends PartnerConnection {
  rules: ReftyRule[];
}

export interface WintroConfig extends PartnerConnection {
  /** Lever user (by email) new referral opportunities are created as. */
  performAsEmail: string;
  /** `posting-owner`: create as the posting's owner, falling back to `performAsEmail` when it has none. */
  performAs: 'user' | 'posting-owner';
  /** How often the schedule syncs vacancies and exclusions. */
  syncInterval: string;
}

export interface TechInterviewConfig extends PartnerConnection {
  /** The platform's name: source of the opportunities it exports and prefix of its tags. */
  platformName: string;
  /** Lever user (by email) to act as when the interviewer is not a Lever user. */
  performAsEmail: string;
  /** Stage for new candidates, by id or by name. */
  defaultStage: string;
  /** Export candidates who did not advance, under their pseudonym. */
  exportUnsuccessful: boolean;
}

export interface Config {
  sandbox: { enabled: boolean; port: number };
  dataDir: string;
  temporal: {
    /** true when `npm start` should run the embedded dev server (no TEMPORAL_ADDRESS given). */
    embedded: boolean;
    address: string;
    namespace: string;
    uiUrl: string;
    taskQueue: string;
    maxCachedWorkflows: number;
  };
  api: {
    port: number;
    bodyLimit: string;
    publicUrl: string;
    adminToken: string;
    /** Serve `/codec/decode` so the Temporal UI can show decrypted payloads. Anyone who reaches it can read them. */
    codecEndpoint: boolean;
  };
  payloadKey: Buffer;
  lever: {
    baseUrl: string;
    apiKey: string;
    ratePerSecond: number;
    webhookTokens: Record<LeverEvent, string[]>;
    webhookMaxAgeMs: number;
  };
  hrlogics: HrlogicsConfig;
  willo: WilloConfig;
  refty: ReftyConfig;
  wintro: WintroConfig;
  techInterview: TechInterviewConfig;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

const duration = z.string().refine((v) => typeof ms(v as ms.StringValue) === 'number' && ms(v as ms.StringValue) > 0, {
  message: 'must be a duration such as 30s, 15m, 3d',
});
const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const url = z.url().transform((v) => v.replace(/\/+$/, ''));

/** Reads one variable through a schema, recording a readable problem instead of throwing. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  get<T>(name: string, schema: z.ZodType<T>, fallback: T | undefined, required = false): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      if (fallback === undefined && required) this.problems.push(`${name} is required`);
      return fallback as T;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      this.problems.push(`${name}=${JSON.stringify(redact(name, raw))} ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return fallback as T;
    }
    return parsed.data;
  }

  list(name: string, fallback: string[]): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    return raw.split(',').map((s) => s.trim()).filter(Boolean);
  }
}

function redact(name: string, value: string): string {
  return /KEY|SECRET|TOKEN/.test(name) ? '<redacted>' : value;
}

export function loadConfig(env: Env = process.env): Config {
  const r = new EnvReader(env);
  const leverBaseUrl = r.get('LEVER_API_BASE_URL', url, undefined);
  const sandboxEnabled = r.get('SANDBOX_ENABLED', bool, leverBaseUrl === undefined);
  const sandboxPort = r.get('SANDBOX_PORT', port, SANDBOX_PORT);
  const sandboxUrl = sandboxBaseUrl(sandboxPort);
  // In sandbox mode every credential has a local default; in production each must be given.
  const dflt = <T>(value: T): T | undefined => (sandboxEnabled ? value : undefined);

  const apiPort = r.get('API_PORT', port, 3000);
  const temporalAddress = r.get('TEMPORAL_ADDRESS', z.string().min(3), undefined);

  const webhookTokens = {} as Record<LeverEvent, string[]>;
  for (const event of LEVER_EVENTS) {
    const tokens = r.list(`LEVER_WEBHOOK_TOKENS_${eventEnvSuffix(event)}`, r.list('LEVER_WEBHOOK_TOKENS', []));
    webhookTokens[event] = tokens.length > 0 ? tokens : sandboxEnabled ? [SANDBOX_LEVER_WEBHOOK_TOKENS[event]] : [];
  }
  if (!sandboxEnabled && LEVER_EVENTS.every((e) => webhookTokens[e].length === 0)) {
    r.problems.push('LEVER_WEBHOOK_TOKENS_<EVENT> (or LEVER_WEBHOOK_TOKENS) is required: no webhook could be verified without one');
  }

  const payloadKeyText = r.get('PAYLOAD_ENCRYPTION_KEY', z.base64(), dflt(SANDBOX_PAYLOAD_KEY), true);
  const payloadKey = Buffer.from(payloadKeyText ?? '', 'base64');
  if (payloadKeyText && payloadKey.length !== 32) r.problems.push('PAYLOAD_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');

  const hrlogicsEnabled = r.get('HRLOGICS_ENABLED', bool, sandboxEnabled);
  const wintroEnabled = r.get('WINTRO_ENABLED', bool, sandboxEnabled);
  const techInterviewEnabled = r.get('TECH_INTERVIEW_ENABLED', bool, sandboxEnabled);
  const email = z.email();
  const partner = (prefix: string, enabled: boolean, path: string, secret: string): PartnerConnection => ({
    enabled,
    baseUrl: r.get(`${prefix}_BASE_URL`, url, dflt(`${sandboxUrl}${path}`), enabled),
    apiKey: r.get(`${prefix}_API_KEY`, z.string().min(1), dflt(SANDBOX_PARTNER_API_KEY), enabled),
    callbackSecret: r.get(`${prefix}_CALLBACK_SECRET`, z.string().startsWith('whsec_', 'must start with whsec_'), dflt(secret), enabled),
  });

  const willoEnabled = r.get('WILLO_ENABLED', bool, sandboxEnabled);
  const reftyEnabled = r.get('REFTY_ENABLED', bool, sandboxEnabled);
  const stageList = (name: string, fallback: string[], required: boolean) => {
    const list = r.list(name, fallback);
    if (required && list.length === 0) r.problems.push(`${name} is required (comma-separated Lever stage ids or names)`);
    return list;
  };
  const reftyRulesText = r.get('REFTY_RULES', z.string(), dflt(SANDBOX_REFTY_RULES), reftyEnabled);
  const reftyRules = reftyRulesText === undefined ? { rules: [], problems: [] } : parseReftyRules(reftyRulesText);
  r.problems.push(...reftyRules.problems);

  const config: Config = {
    sandbox: { enabled: sandboxEnabled, port: sandboxPort },
    dataDir: r.get('RELAY_DATA_DIR', z.string().min(1), '.data'),
    temporal: {
      embedded: temporalAddress === undefined,
      address: temporalAddress ?? 'localhost:7233',
      namespace: r.get('TEMPORAL_NAMESPACE', z.string().min(1), 'default'),
      uiUrl: r.get('TEMPORAL_UI_URL', url, 'http://localhost:8233'),
      taskQueue: r.get('RELAY_TASK_QUEUE', z.string().min(1), 'lever-relay'),
      maxCachedWorkflows: r.get('WORKER_MAX_CACHED_WORKFLOWS', z.coerce.number().int().min(0), 500),
    },
    api: {
      port: apiPort,
      bodyLimit: r.get('API_BODY_LIMIT', z.string().regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 256kb'), '256kb'),
      publicUrl: r.get('API_PUBLIC_URL', url, `http://127.0.0.1:${apiPort}`),
      adminToken: r.get('ADMIN_TOKEN', z.string().min(16, 'must be at least 16 characters'), dflt(SANDBOX_ADMIN_TOKEN)) ?? '',
      codecEndpoint: r.get('CODEC_ENDPOINT_ENABLED', bool, sandboxEnabled),
    },
    payloadKey,
    lever: {
      baseUrl: leverBaseUrl ?? `${sandboxUrl}/lever/v1`,
      apiKey: r.get('LEVER_API_KEY', z.string().min(1), dflt(SANDBOX_LEVER_API_KEY), true),
      ratePerSecond: r.get('LEVER_RATE_LIMIT_PER_SECOND', z.coerce.number().positive().max(20), 8),
      webhookTokens,
      webhookMaxAgeMs: ms(r.get('LEVER_WEBHOOK_MAX_AGE', duration, '15d') as ms.StringValue),
    },
    hrlogics: {
      ...partner('HRLOGICS', hrlogicsEnabled, '/hrlogics', SANDBOX_CALLBACK_SECRETS.hrlogics),
      reminderInterval: r.get('HRLOGICS_REMINDER_INTERVAL', duration, '3d'),
      maxReminders: r.get('HRLOGICS_MAX_REMINDERS', z.coerce.number().int().min(0).max(20), 3),
      expiry: r.get('HRLOGICS_EXPIRY', duration, '30d'),
      hireWait: r.get('HRLOGICS_HIRE_WAIT', duration, '180d'),
    },
    willo: {
      ...partner('WILLO', willoEnabled, '/willo', SANDBOX_CALLBACK_SECRETS.willo),
      authPrefix: r.get('WILLO_AUTH_PREFIX', z.string().regex(/^\S+$/, 'must be one word such as Bearer'), 'Bearer'),
      account: r.get('WILLO_ACCOUNT', z.string().min(1), dflt(SANDBOX_WILLO_ACCOUNT), willoEnabled) ?? '',
      triggerStages: stageList('WILLO_TRIGGER_STAGES', sandboxEnabled ? ['Phone Screen'] : [], willoEnabled),
      acceptedStages: r.list('WILLO_ACCEPTED_STAGES', ['Accepted']),
      rejectedStages: r.list('WILLO_REJECTED_STAGES', ['Rejected']),
      inviteExpiry: r.get('WILLO_INVITE_EXPIRY', duration, '14d'),
      reviewWait: r.get('WILLO_REVIEW_WAIT', duration, '90d'),
    },
    refty: {
      ...partner('REFTY', reftyEnabled, '/refty', SANDBOX_CALLBACK_SECRETS.refty),
      rules: reftyRules.rules,
    },
    wintro: {
      ...partner('WINTRO', wintroEnabled, '/wintro', SANDBOX_CALLBACK_SECRETS.wintro),
      performAsEmail: r.get('WINTRO_PERFORM_AS_EMAIL', email, dflt(SANDBOX_PERFORM_AS_EMAIL), wintroEnabled) ?? '',
      performAs: r.get('WINTRO_PERFORM_AS', z.enum(['user', 'posting-owner']), 'user'),
      syncInterval: r.get('WINTRO_SYNC_INTERVAL', duration, '4h'),
    },
    techInterview: {
      ...partner('TECH_INTERVIEW', techInterviewEnabled, '/tech-interview', SANDBOX_CALLBACK_SECRETS.techInterview),
      platformName: r.get('TECH_INTERVIEW_PLATFORM_NAME', z.string().trim().min(1).max(40).regex(/^[^:]+$/, 'must not contain ":"'), 'TechScreen'),
      performAsEmail: r.get('TECH_INTERVIEW_PERFORM_AS_EMAIL', email, dflt(SANDBOX_PERFORM_AS_EMAIL), techInterviewEnabled) ?? '',
      defaultStage: r.get('TECH_INTERVIEW_DEFAULT_STAGE', z.string().trim().min(1), 'New Applicant'),
      exportUnsuccessful: r.get('TECH_INTERVIEW_EXPORT_UNSUCCESSFUL', bool, false),
    },
    logLevel: r.get('LOG_LEVEL', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
