// One of our Lever webhooks is missing or disabled in Lever: that event stops arriving (the sweep still
// finds the change, late). Found by the doctor's "Lever: webhook <event>" checks. When the key may not list
// webhooks at all, nothing is claimed (a deployment may register them by hand).
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { LEVER_WEBHOOK_SETTINGS } from '../links';

const PREFIX = 'Lever: webhook ';

export function leverWebhookFindings(facts: Facts): Finding[] {
  return facts.checks
    .filter((c) => !c.ok && c.name.startsWith(PREFIX))
    .map((check) => {
      const event = check.name.slice(PREFIX.length);
      return {
        id: `lever-webhook-missing:${event}`,
        kind: 'lever-webhook-missing',
        title: `Lever webhook ${event} ${check.detail}`,
        fix: check.fix ?? "register our webhooks again: npm run setup -- webhooks, or the console's Actions page",
        subject: { type: 'webhook', id: event, name: event },
        links: [{ text: 'Lever webhooks', href: LEVER_WEBHOOK_SETTINGS }],
      } satisfies Finding;
    });
}
