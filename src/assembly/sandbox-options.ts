// Sandbox options taken from the relay's configuration, so a sandbox started beside a relay signs and
// authenticates with exactly what that relay expects, even when the environment overrides a default.
import type { Config } from './config';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../config/sandbox-defaults';
import { eachIntegration } from '../integrations';
import { LEVER_EVENTS, type LeverEvent } from '../lever/events';
import type { SandboxOptions } from './sandbox';

export function sandboxOptionsFromConfig(config: Config): SandboxOptions {
  const webhookTokens = {} as Record<LeverEvent, string>;
  // While a token is rotated the relay accepts several; Lever signs with one of them.
  for (const event of LEVER_EVENTS) webhookTokens[event] = config.lever.webhookTokens[event][0] ?? SANDBOX_LEVER_WEBHOOK_TOKENS[event];
  const partners = eachIntegration().map(([key, integration]) => ({ name: integration.name, section: config[key] }));
  return {
    port: config.sandbox.port,
    relayUrl: config.api.publicUrl,
    leverApiKey: config.lever.apiKey || undefined,
    partnerApiKey: partners.find((p) => p.section.apiKey)?.section.apiKey,
    webhookTokens,
    callbackSecrets: Object.fromEntries(partners.map((p) => [p.name, p.section.callbackSecret || undefined])),
  };
}
