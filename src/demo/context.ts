// What every demo scenario shares: timestamped steps, waiting for something to happen, links into the
// Temporal UI, and the check that the relay and sandbox are running. Each integration's scenario lives in
// its folder (`<name>/demo.ts`).
import type { RelayConfig } from '../config/relay';
import { sandboxBaseUrl } from '../config/sandbox-defaults';
import type { SandboxControl } from '../sandbox/control-client';
import type { SettingsView } from '../settings/view';
import { workflowIds } from '../temporal/workflow-ids';

const started = Date.now();

export const step = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000}s: is the worker running? (npm start)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function reachable(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

/** The sandbox's address, once the relay and the sandbox are known to be up. */
export async function requireRunningSandbox(relay: RelayConfig): Promise<string> {
  if (!relay.sandbox.enabled)
    throw new Error('the demo plays its scenario through the sandbox, but LEVER_API_BASE_URL points at a real Lever account');
  const sandboxUrl = sandboxBaseUrl(relay.sandbox.port);
  if (!(await reachable(`${relay.api.publicUrl}/healthz`)) || !(await reachable(sandboxUrl))) {
    throw new Error(
      `the relay is not running at ${relay.api.publicUrl} (sandbox ${sandboxUrl}): start it with npm start, then run npm run demo`,
    );
  }
  return sandboxUrl;
}

export function uiLink(relay: RelayConfig, workflowId: string): string {
  return `${relay.temporal.uiUrl}/namespaces/${relay.temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`;
}

export interface DemoContext {
  relay: RelayConfig;
  control: SandboxControl;
  step: typeof step;
  until: typeof until;
  /** A moment for the audience (and the relay) between human actions. */
  pause(ms?: number): Promise<void>;
  /** Where to look at a workflow in the Temporal UI. */
  uiLink(workflowId: string): string;
  /** Where to look at the opportunity process (and, through it, its children). */
  opportunityLink(opportunityId: string): string;
  /**
   * What an admin does on the console's settings page, through the same JSON API (`PUT /admin/settings/<group>`);
   * fields the environment sets are left as they are. Returns what it did, for the narration.
   */
  saveSettings(group: string, values: Record<string, unknown>): Promise<string>;
}

export function demoContext(relay: RelayConfig, control: SandboxControl): DemoContext {
  return {
    relay,
    control,
    step,
    until,
    pause: (ms = 1000) => new Promise((r) => setTimeout(r, ms)),
    uiLink: (workflowId) => uiLink(relay, workflowId),
    opportunityLink: (opportunityId) => uiLink(relay, workflowIds.opportunity(opportunityId)),
    saveSettings: (group, values) => saveSettings(relay, group, values),
  };
}

async function saveSettings(relay: RelayConfig, group: string, values: Record<string, unknown>): Promise<string> {
  const headers = { authorization: `Bearer ${relay.api.adminToken}`, 'content-type': 'application/json' };
  const current = (await (await fetch(`${relay.api.publicUrl}/admin/settings`, { headers })).json()) as SettingsView;
  const fields = current.groups.find((g) => g.id === group)?.fields ?? [];
  const unlocked = Object.fromEntries(Object.entries(values).filter(([name]) => !fields.find((f) => f.name === name)?.lockedBy));
  if (Object.keys(unlocked).length === 0) return `left as the environment sets them (${Object.keys(values).join(', ')})`;
  const answer = await fetch(`${relay.api.publicUrl}/admin/settings/${group}`, {
    method: 'PUT',
    headers: { ...headers, 'if-match': String(current.version) },
    body: JSON.stringify(unlocked),
  });
  if (!answer.ok) throw new Error(`saving ${group} settings answered ${answer.status}: ${await answer.text()}`);
  const { version } = (await answer.json()) as { version: number };
  return `saved as settings version ${version}: ${JSON.stringify(unlocked)}`;
}
