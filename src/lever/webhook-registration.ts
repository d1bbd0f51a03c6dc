// Our webhooks in Lever, kept by the relay itself through Lever's webhooks API: one per event we use,
// pointing at our URL, enabled. Registering twice changes nothing; a disabled one is enabled again.
// Used by `npm run setup -- webhooks` and, with LEVER_WEBHOOKS_MANAGE=true, at every worker start.
import type { LeverClient } from './client';
import { HANDLED_EVENTS } from './webhook';
import type { LeverWebhook } from './types';

export interface RegistrationReport {
  created: string[];
  enabled: string[];
  unchanged: string[];
}

/** Every page of the account's webhooks (a handful; one request per page). */
export async function listAllWebhooks(lever: Pick<LeverClient, 'listWebhooks'>): Promise<LeverWebhook[]> {
  const all: LeverWebhook[] = [];
  let offset: string | undefined;
  do {
    const page = await lever.listWebhooks(offset ? { offset } : {});
    all.push(...page.data);
    offset = page.hasNext && page.next ? page.next : undefined;
  } while (offset);
  return all;
}

export async function registerWebhooks(lever: LeverClient, url: string): Promise<RegistrationReport> {
  const existing = (await listAllWebhooks(lever)).filter((w) => w.url === url);
  const report: RegistrationReport = { created: [], enabled: [], unchanged: [] };
  const toEnable: string[] = [];
  for (const event of HANDLED_EVENTS) {
    const ours = existing.filter((w) => w.event === event);
    if (ours.length === 0) {
      await lever.createWebhook({ url, event });
      report.created.push(event);
    } else if (ours.some((w) => w.enabled !== false)) {
      report.unchanged.push(event);
    } else {
      toEnable.push(ours[0].id);
      report.enabled.push(event);
    }
  }
  if (toEnable.length > 0) await lever.updateWebhooks(toEnable.map((id) => ({ id, enabled: true })));
  return report;
}

/** The signature tokens of our enabled webhooks, per event. */
export function tokensByEvent(webhooks: readonly LeverWebhook[], url: string): Record<string, string[]> {
  const tokens: Record<string, string[]> = {};
  for (const w of webhooks) {
    const token = w.configuration?.signatureToken;
    if (w.url !== url || w.enabled === false || !token) continue;
    (tokens[w.event] ??= []).push(token);
  }
  return tokens;
}
