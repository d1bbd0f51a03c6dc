// The Lever account as the relay sees it: the API key, our webhooks (registered or missing, and where each
// one's signature token comes from), a button that registers them, and the request rate we keep to.
import type { Config } from '../../assembly/config';
import type { CheckResult } from '../../doctor/check';
import { eventEnvSuffix } from '../../lever/events';
import { HANDLED_EVENTS } from '../../lever/webhook';
import { html, type Html } from '../html';
import { csrfField, page, type Frame } from '../layout';
import { checkList } from './integrations';

export interface LeverPageInput {
  config: Config;
  /** The doctor's `Lever:` checks; undefined until the first run ends. */
  checks: CheckResult[] | undefined;
  /** Whether the relay has a settings group of its own (`lever`), to link to. */
  relaySettings: boolean;
  /** Why the last action failed. */
  problem?: string;
}

function tokenSource(config: Config, event: (typeof HANDLED_EVENTS)[number], registered: boolean | undefined): string {
  if (config.lever.webhookTokens[event].length > 0) return `set in the environment (LEVER_WEBHOOK_TOKENS_${eventEnvSuffix(event)})`;
  if (registered) return "read from Lever's webhooks API";
  if (config.lever.fallbackWebhookTokens[event].length > 0) return "the sandbox's token";
  return 'none yet: deliveries are refused until the webhook is registered';
}

function webhookRows(config: Config, checks: CheckResult[] | undefined): Html {
  return html`<table class="striped">
    <thead>
      <tr>
        <th scope="col">Event</th>
        <th scope="col">Webhook</th>
        <th scope="col">Signature token</th>
      </tr>
    </thead>
    <tbody>
      ${HANDLED_EVENTS.map((event) => {
        const check = checks?.find((c) => c.name === `Lever: webhook ${event}`);
        const state = check === undefined ? (checks ? 'unknown' : 'checking...') : check.ok ? 'registered' : 'missing';
        return html`<tr>
          <td><code>${event}</code></td>
          <td>
            <span class="badge ${check?.ok ? 'ok' : check ? 'fail' : ''}">${state}</span>${
              check && !check.ok ? html`<br /><small>${check.detail}</small>` : ''
            }
          </td>
          <td>${tokenSource(config, event, check?.ok)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function leverPage(frame: Frame, { config, checks, relaySettings, problem }: LeverPageInput): Html {
  const url = `${config.api.publicUrl}/webhooks/lever`;
  const keyChecks = checks?.filter((c) => !c.name.startsWith('Lever: webhook'));
  const webhooksListed = checks?.find((c) => c.name === 'Lever: webhooks');
  return page(
    frame,
    html`${problem ? html`<p role="alert" class="notice error">${problem}</p>` : ''}
      <article aria-labelledby="key-heading">
        <h2 id="key-heading">API key</h2>
        <p class="muted">
          At <code>${config.lever.baseUrl}</code>. The key needs read access to opportunities, postings, stages and users, and to
          confidential postings if any integration covers them.
        </p>
        ${checkList(keyChecks, 'No checks of the key yet.')}
      </article>
      <article aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p class="muted">Lever sends its events to <code>${url}</code>.</p>
        ${webhooksListed ? checkList([webhooksListed], '') : ''} ${webhookRows(config, checks)}
        <form method="post" action="/console/lever/webhooks">${csrfField(frame.csrf)}<button type="submit">Register webhooks</button></form>
      </article>
      <article aria-labelledby="rate-heading">
        <h2 id="rate-heading">Request rate</h2>
        <p>
          All workers together stay under <strong>${config.lever.ratePerSecond}</strong> Lever requests a second
          (<code>LEVER_RATE_LIMIT_PER_SECOND</code>; Lever allows 10 per key). Sweeps and backfills hand over at most
          ${config.lever.bulkTriggerRate} opportunities a second, and webhook work goes first.
        </p>
        ${relaySettings ? html`<p>The relay's own settings for Lever: <a href="/console/settings/lever">Lever settings</a></p>` : ''}
      </article>`,
  );
}
