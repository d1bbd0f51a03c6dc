// Sandbox options taken from the relay's configuration, so a sandbox started beside a relay signs and
// authenticates with exactly what that relay expects, even when the environment overrides a default.
import type { Config } from '../config';
import { LEVER_EVENTS, type LeverEvent } from '../lever/events';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from './defaults';
import type { SandboxOptions } from './server';

export function sandboxOptionsFromConfig(config: Config): SandboxOptions {
  const webhookTokens = {} as Record<LeverEvent, string>;
  // While a token is rotated the relay accepts several; Lever signs with one of them.
  for (const event of LEVER_EVENTS) webhookTokens[event] = config.lever.webhookTokens[event][0] ?? SANDBOX_LEVER_WEBHOOK_TOKENS[event];
  return {
    port: config.sandbox.port,
    relayUrl: config.api.publicUrl,
    leverApiKey: config.lever.apiKey || undefined,
    partnerApiKey: config.hrlogics.apiKey || undefined,
    webhookTokens,
    hrlogicsCallbackSecret: config.hrlogics.callbackSecret || undefined,
    willoCallbackSecret: config.willo.callbackSecret || undefined,
    reftyCallbackSecret: config.refty.callbackSecret || undefined,
    wintroCallbackSecret: config.wintro.callbackSecret || undefined,
    techInterviewCallbackSecret: config.techInterview.callbackSecret || undefined,
  };
}
