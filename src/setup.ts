// `npm run setup -- webhooks [--public-url https://relay.example.com]`: registers our webhooks in Lever
// through its webhooks API (one per event we use, pointing at <public url>/webhooks/lever, enabled), so no
// token is copied by hand: the API reads the tokens from Lever. Running it again changes nothing. The
// worker does the same at start when LEVER_WEBHOOKS_MANAGE=true.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './assembly/config';
import { LeverClient } from './lever/client';
import { registerWebhooks } from './lever/webhook-registration';

const USAGE = 'usage: npm run setup -- webhooks [--public-url https://<your host>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { 'public-url': { type: 'string' } },
  });
  if (positionals[0] !== 'webhooks' || positionals.length !== 1) throw new Error(USAGE);
  const config = loadConfig();
  const base = (values['public-url'] ?? config.api.publicUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(base)) throw new Error(`--public-url must be an http(s) URL: ${base}\n${USAGE}`);
  if (!config.sandbox.enabled && !base.startsWith('https://'))
    console.warn('Lever only calls HTTPS URLs: register the https:// address of the API.');
  const url = `${base}/webhooks/lever`;
  const lever = new LeverClient({ baseUrl: config.lever.baseUrl, apiKey: config.lever.apiKey });
  console.log(`Registering our webhooks at ${config.lever.baseUrl} -> ${url}`);
  const report = await registerWebhooks(lever, url);
  for (const [what, events] of Object.entries(report)) if (events.length > 0) console.log(`  ${what.padEnd(9)} ${events.join(', ')}`);
  console.log('The API reads the signature tokens from Lever; regenerate one in Lever and it is used within LEVER_WEBHOOK_TOKEN_REFRESH.');
}

main().catch((error) => {
  const status = (error as { details?: { status?: number }[] }).details?.[0]?.status;
  const hint = status === 403 ? '\nThe API key needs the scopes webhooks:read:admin and webhooks:write:admin.' : '';
  console.error(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}${hint}`);
  process.exitCode = 1;
});
