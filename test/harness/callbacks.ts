// Partner callbacks signed as the sandbox's simulated partners sign them, for tests that post their own
// (unknown ids, forged signatures, hostile bodies) straight to the relay's API.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { sandboxCallbackSecret } from '../../src/config/sandbox-defaults';
import { signedCallbackHeaders } from '../../src/sandbox/partner-callbacks';

/** Standard Webhooks headers for `body` from the sandbox's partner `integration` (its default secret). */
export function callbackHeaders(
  integration: string,
  body: string,
  { id = `msg_${randomUUID()}`, at = new Date(), secret = sandboxCallbackSecret(integration) } = {},
): Record<string, string> {
  return signedCallbackHeaders(new Webhook(secret), id, body, at);
}
