// Webhooks registered by the relay through Lever's webhooks API (the sandbox implements it, with its admin
// scopes), and signature tokens read from Lever instead of copied by hand: registering twice creates
// nothing new; a token regenerated in Lever is used by the API within the refresh interval, and a delivery
// signed with the old one is refused after that.
import { SANDBOX_LEVER_API_KEY } from '../../src/config/sandbox-defaults';
import { LeverClient } from '../../src/lever/client';
import { listAllWebhooks, registerWebhooks } from '../../src/lever/webhook-registration';
import type { SimWebhook } from '../../src/sandbox/lever/webhook-registry';
import { useTestRelay, waitFor } from '../harness/relay';
import { runRelayCli, startWorkerProcess, stopWorkerProcess } from '../harness/worker-process';

const REFRESH_MS = 1_000;
const t = useTestRelay({ env: { LEVER_WEBHOOK_TOKEN_REFRESH: '1s' } });
const lever = () => new LeverClient({ baseUrl: t.relay.config.lever.baseUrl, apiKey: SANDBOX_LEVER_API_KEY });
const ourUrl = () => `${t.relay.apiUrl}/webhooks/lever`;
const registered = () => t.control.request<SimWebhook[]>('GET', '/lever/webhooks');

const setupCli = (args: string[]) => runRelayCli(t.relay, 'setup.ts', args);

it('npm run setup -- webhooks registers one webhook per event we use; a second run creates nothing new', async () => {
  // Start from an account where ours are missing: delete the hand-made ones for two events.
  for (const webhook of (await registered()).filter((w) => ['candidateStageChange', 'candidateDeleted'].includes(w.event))) {
    await lever().deleteWebhook(webhook.id);
  }
  const first = await setupCli(['webhooks', '--public-url', t.relay.apiUrl]);
  expect(first.code).toBe(0);
  expect(first.output).toMatch(/created\s+candidateStageChange, candidateDeleted/);
  const count = (await registered()).length;
  const second = await registerWebhooks(lever(), ourUrl());
  expect(second.created).toEqual([]);
  expect(second.unchanged).toHaveLength(5);
  expect((await registered()).length).toBe(count);
  const ours = new Set((await listAllWebhooks(lever())).filter((w) => w.url === ourUrl()).map((w) => w.event));
  for (const event of ['applicationCreated', 'candidateHired', 'candidateStageChange', 'candidateArchiveChange', 'candidateDeleted'])
    expect(ours).toContain(event);
});

it('a disabled webhook is enabled again; a key without the webhooks scopes gets a clear failure', async () => {
  const [hired] = (await registered()).filter((w) => w.event === 'candidateHired' && w.url === ourUrl());
  await lever().updateWebhooks([{ id: hired.id, enabled: false }]);
  expect((await registerWebhooks(lever(), ourUrl())).enabled).toEqual(['candidateHired']);
  await t.control.request('PUT', '/lever/scopes', { scopes: ['opportunities:read:admin'] });
  try {
    const refused = await setupCli(['webhooks']);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/webhooks:read:admin/);
  } finally {
    await t.control.request('PUT', '/lever/scopes', {
      scopes: ['opportunities:read:admin', 'opportunities:write:admin', 'webhooks:read:admin', 'webhooks:write:admin'],
    });
  }
});

it('uses a regenerated token within the refresh interval and refuses the old one after that', async () => {
  const applied = await t.control.apply({ name: 'Token Tess', email: 'tess@example.com' });
  const [old] = await waitFor(
    async () => {
      const list = await t.control.deliveries({ opportunityId: applied.opportunityId, event: 'applicationCreated' });
      return list[0]?.delivered && list;
    },
    { what: 'a delivery with the old token' },
  );
  expect(old.attempts.at(-1)?.status).toBe(202);

  const [webhook] = (await registered()).filter((w) => w.event === 'applicationCreated' && w.url === ourUrl());
  await t.control.request('POST', `/lever/webhooks/${webhook.id}/rotate`);
  await new Promise((r) => setTimeout(r, 2 * REFRESH_MS + 500));

  // New deliveries are signed with the new token and accepted...
  const after = await t.control.apply({ name: 'Token Theo', email: 'theo@example.com' });
  const [fresh] = await waitFor(
    async () => {
      const list = await t.control.deliveries({ opportunityId: after.opportunityId, event: 'applicationCreated' });
      return list[0]?.attempts[0]?.status !== undefined && list;
    },
    { what: 'a delivery with the new token' },
  );
  expect(fresh.attempts[0].status).toBe(202);
  // ... and one signed with the old token is refused.
  expect((await t.control.redeliver(old.deliveryId, 1)).statuses).toEqual([401]);
});

it('LEVER_WEBHOOKS_MANAGE=true: a worker registers our missing webhook once it runs, and logs what it did', async () => {
  const ours = async (event: string) => (await registered()).filter((w) => w.event === event && w.url === ourUrl());
  for (const webhook of await ours('candidateDeleted')) await lever().deleteWebhook(webhook.id);
  const worker = startWorkerProcess(t.relay, { LEVER_WEBHOOKS_MANAGE: 'true' });
  try {
    const line = await waitFor(
      async () =>
        worker
          .output()
          .split('\n')
          .find((l) => l.includes('our Lever webhooks')),
      { what: 'the registration in the worker log', timeoutMs: 60_000 },
    );
    expect(JSON.parse(line)).toMatchObject({
      msg: 'our Lever webhooks are registered',
      created: ['candidateDeleted'],
      enabled: [],
      unchanged: 4,
    });
    expect(await ours('candidateDeleted')).toHaveLength(1);
  } finally {
    await stopWorkerProcess(worker);
  }
}, 90_000);
