// Named API tokens over real HTTP, with two APIs on the same Temporal (a cluster's): a token created on one
// works on both; revoked on one, both refuse it within 2 s; an expired one is refused; its secret is shown
// once and never again (not by GET, not in the memo or the workflow's history, where only its hash is);
// bad requests get a 400 naming the field and change nothing; last use is reported in batches.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { createLogger } from '../../src/logger';
import { EncryptionCodec } from '../../src/temporal/codec';
import { workflowIds } from '../../src/temporal/workflow-ids';
import { LiveTokens } from '../../src/tokens/live';
import { TOKENS_MEMO, type StoredTokens } from '../../src/tokens/messages';
import { serveApp, type ServedApp } from '../harness/api';
import { http, waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';

jest.setTimeout(120_000);

interface CreatedJson {
  id: string;
  token: string;
  name: string;
  role: string;
  state: string;
  expiresAt: string;
  createdBy: string;
}

interface TokenJson {
  id: string;
  name: string;
  state: string;
  lastUsedAt?: string;
  revokedBy?: string;
}

const asAdmin = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every payload of a history (inputs, results, memos), decrypted and converted, as one text. */
async function decodedText(value: unknown, codec: EncryptionCodec): Promise<string> {
  const texts: string[] = [];
  const visit = async (node: unknown): Promise<void> => {
    if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
    const candidate = node as { metadata?: unknown; data?: unknown };
    if (candidate.metadata && typeof candidate.metadata === 'object' && candidate.data instanceof Uint8Array) {
      const [plain] = await codec.decode([node as Payload]);
      try {
        texts.push(JSON.stringify(defaultPayloadConverter.fromPayload(plain)) ?? '');
      } catch {
        // A payload no converter reads (none of ours): its bytes as they are.
        texts.push(Buffer.from(plain.data ?? []).toString('utf8'));
      }
      return;
    }
    for (const child of Object.values(node)) await visit(child);
  };
  await visit(value);
  return texts.join('\n');
}

describe('named API tokens', () => {
  let relay: TestRelay;
  /** The second API: same Temporal, same task queue, its own LiveTokens reporting uses every 500 ms. */
  let second: ServedApp;
  const REPORT_MS = 500;

  beforeAll(async () => {
    relay = await startTestRelay();
    const tokens = new LiveTokens(relay.client, relay.config.temporal.taskQueue, { useReportMs: REPORT_MS });
    await tokens.start();
    second = await serveApp({ config: relay.config, client: relay.client, logger: createLogger('api', 'silent'), apiTokens: tokens });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await relay?.stop();
  });

  const create = (body: unknown, headers: Record<string, string> = asAdmin, url = relay.apiUrl) =>
    http<CreatedJson & { error?: string; fields?: { field: string; message: string }[] }>('POST', `${url}/admin/tokens`, body, headers);
  const list = async (url = relay.apiUrl) =>
    (await http<{ tokens: TokenJson[] }>('GET', `${url}/admin/tokens`, undefined, asAdmin)).body.tokens;
  const settingsWith = async (token: string, url: string) => (await http('GET', `${url}/admin/settings`, undefined, bearer(token))).status;

  it('is shown once, works on both APIs, and a revocation on one is refused by both within 2 s', async () => {
    const created = await create({ name: 'ci-deploy', role: 'viewer', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ci-deploy', role: 'viewer', state: 'active', createdBy: 'admin-token' });
    expect(created.body.token).toMatch(/^lrt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const { token, id } = created.body;

    // The API that created it knows it at once; the other within its next read of the memo.
    expect(await settingsWith(token, relay.apiUrl)).toBe(200);
    await waitFor(async () => (await settingsWith(token, second.url)) === 200, { timeoutMs: 2_000, what: 'the second API to accept it' });
    // A viewer's token is a viewer: no admin route.
    expect((await http('GET', `${second.url}/admin/tokens`, undefined, bearer(token))).status).toBe(403);

    const revoked = await http<TokenJson>('DELETE', `${second.url}/admin/tokens/${id}`, undefined, asAdmin);
    expect(revoked).toMatchObject({ status: 200, body: { id, state: 'revoked', revokedBy: 'admin-token' } });
    const revokedAt = Date.now();
    const refusedWithin = async (url: string) => {
      await waitFor(async () => (await settingsWith(token, url)) === 401, { timeoutMs: 2_000, intervalMs: 50, what: `401 from ${url}` });
      return Date.now() - revokedAt;
    };
    const [first, other] = await Promise.all([refusedWithin(relay.apiUrl), refusedWithin(second.url)]);
    console.log(`API tokens: revoked on the second API; refused by the first after ${first} ms, by the second after ${other} ms`);
    expect(Math.max(first, other)).toBeLessThanOrEqual(2_000);
    // And it stays refused.
    expect(await settingsWith(token, relay.apiUrl)).toBe(401);
    expect(await settingsWith(token, second.url)).toBe(401);

    // Revoking again is harmless: the same answer, no second audit entry.
    const again = await http<TokenJson>('DELETE', `${relay.apiUrl}/admin/tokens/${id}`, undefined, asAdmin);
    expect(again).toMatchObject({ status: 200, body: { id, state: 'revoked' } });
    const audit = await http<{ changes: { action: string; tokenId: string }[] }>(
      'GET',
      `${relay.apiUrl}/admin/tokens/audit`,
      undefined,
      asAdmin,
    );
    expect(audit.body.changes.filter((c) => c.tokenId === id).map((c) => c.action)).toEqual(['revoke', 'create']);
  });

  it('refuses an expired token', async () => {
    const expiresAt = new Date(Date.now() + 3_000).toISOString();
    const { body } = await create({ name: 'short-lived', role: 'operator', expiresAt });
    expect(body.expiresAt).toBe(expiresAt);
    expect(await settingsWith(body.token, relay.apiUrl)).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 50));
    expect(await settingsWith(body.token, relay.apiUrl)).toBe(401);
    expect(await settingsWith(body.token, second.url)).toBe(401);
    expect((await list()).find((t) => t.id === body.id)?.state).toBe('expired');
  });

  it('keeps only the hash: never in a GET, the memo or the history', async () => {
    const { body } = await create({ name: 'hash-only', role: 'admin', expiresInDays: 1 });
    const hash = createHash('sha256').update(body.token).digest('hex');

    const listed = await http('GET', `${relay.apiUrl}/admin/tokens`, undefined, asAdmin);
    const page = await http('GET', `${relay.apiUrl}/console/tokens`, undefined, asAdmin);
    for (const shown of [JSON.stringify(listed.body), String(page.body)]) {
      expect(shown).toContain(body.id);
      expect(shown).not.toContain(body.token);
      expect(shown).not.toContain(hash);
    }

    const handle = relay.client.workflow.getHandle(workflowIds.apiTokens(relay.config.temporal.taskQueue));
    const memo = (await handle.describe()).memo?.[TOKENS_MEMO] as StoredTokens;
    expect(memo.tokens.find((t) => t.id === body.id)?.hash).toBe(hash);
    expect(JSON.stringify(memo)).not.toContain(body.token);

    const history = await handle.fetchHistory();
    const text = await decodedText(history, new EncryptionCodec(relay.config.payloadKeys));
    // Decoded for real: the hash is there (the Update's input, the memo), the secret nowhere.
    expect(text).toContain(hash);
    expect(text).not.toContain(body.token);
    expect(text).not.toContain(body.token.slice(-43));
  });

  it('names the token in what it changes, and reports its last use in batches', async () => {
    const admin = (await create({ name: 'ops-admin', role: 'admin', expiresInDays: 7 })).body;
    await waitFor(async () => (await settingsWith(admin.token, second.url)) === 200, {
      timeoutMs: 2_000,
      what: 'the second API to accept it',
    });
    const made = await create({ name: 'made-by-a-token', role: 'viewer', expiresInDays: 1 }, bearer(admin.token), second.url);
    expect(made.body.createdBy).toBe('token:ops-admin');

    // Many uses on the second API; one report per period at most.
    const started = Date.now();
    for (let i = 0; i < 20; i++) expect(await settingsWith(admin.token, second.url)).toBe(200);
    const used = await waitFor(
      async () => (await list()).find((t) => t.id === admin.id && t.lastUsedAt !== undefined && Date.parse(t.lastUsedAt) >= started),
      { timeoutMs: 5_000, what: 'the last use to be reported' },
    );
    expect(Date.parse(used.lastUsedAt!)).toBeLessThanOrEqual(Date.now());
    const history = await relay.client.workflow.getHandle(workflowIds.apiTokens(relay.config.temporal.taskQueue)).fetchHistory();
    // The reports of this test's uses (earlier tests used tokens too).
    const reports = (history.events ?? []).filter(
      (e) =>
        e.workflowExecutionSignaledEventAttributes?.signalName === 'apiTokensUsed' &&
        Number(e.eventTime?.seconds ?? 0) * 1000 >= started - 1_000,
    );
    const elapsed = Date.now() - started;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThanOrEqual(Math.ceil((elapsed + 1_000) / REPORT_MS) + 1);
  });

  it('refuses every token on an API that can no longer read them (it cannot know of a revocation)', async () => {
    const { body } = await create({ name: 'stale-check', role: 'viewer', expiresInDays: 1 });
    const reader = new LiveTokens(relay.client, relay.config.temporal.taskQueue, { staleAfterMs: 1_500 });
    await reader.start();
    expect(reader.verify(body.token, Date.now())).toEqual({ name: 'stale-check', role: 'viewer' });
    // It stops reading, as when Temporal is unreachable from it.
    await reader.stop();
    await new Promise((r) => setTimeout(r, 1_600));
    expect(reader.verify(body.token, Date.now())).toBeUndefined();
    // One read again, and the token is trusted again.
    await reader.refresh();
    expect(reader.verify(body.token, Date.now())).toEqual({ name: 'stale-check', role: 'viewer' });
  });

  it('refuses bad requests with the field named, and changes nothing', async () => {
    const before = await list();
    const cases: [unknown, string][] = [
      [{ role: 'viewer', expiresInDays: 1 }, 'name'],
      [{ name: 'has space', role: 'viewer', expiresInDays: 1 }, 'name'],
      [{ name: 'x', role: 'owner', expiresInDays: 1 }, 'role'],
      [{ name: 'x', role: 'viewer' }, 'expiresInDays'],
      [{ name: 'x', role: 'viewer', expiresInDays: 1, expiresAt: '2030-01-01T00:00:00Z' }, 'expiresInDays'],
      [{ name: 'x', role: 'viewer', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', role: 'viewer', expiresInDays: 366 }, 'expiresInDays'],
      [{ name: 'x', role: 'viewer', expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'x', role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'x', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'x', role: 'viewer', expiresInDays: 1, secret: 'mine' }, '(body)'],
      ['[]', '(body)'],
    ];
    for (const [body, field] of cases) {
      const answer = await create(body);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
      expect([JSON.stringify(body), answer.body.fields?.map((f) => f.field)]).toEqual([
        JSON.stringify(body),
        expect.arrayContaining([field]),
      ]);
    }
    expect((await create('{not json')).status).toBe(400);
    expect((await create({ name: 'x', role: 'viewer', expiresInDays: 1 }, { ...asAdmin, 'content-type': 'text/plain' })).status).toBe(415);

    // A name in force is taken; the duplicate is refused and nothing else is created.
    expect((await create({ name: 'unique-name', role: 'viewer', expiresInDays: 1 })).status).toBe(201);
    const duplicate = await create({ name: 'unique-name', role: 'admin', expiresInDays: 1 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toContain('unique-name');

    expect((await http('DELETE', `${relay.apiUrl}/admin/tokens/not-an-id`, undefined, asAdmin)).status).toBe(400);
    expect((await http('DELETE', `${relay.apiUrl}/admin/tokens/0123456789abcdef`, undefined, asAdmin)).status).toBe(404);
    // A made-up token of the right form, and a garbled one: 401.
    expect(await settingsWith(`lrt_0123456789abcdef_${'A'.repeat(43)}`, relay.apiUrl)).toBe(401);
    expect(await settingsWith('lrt_garbled', relay.apiUrl)).toBe(401);

    const after = await list();
    expect(after.map((t) => t.name).sort()).toEqual([...before.map((t) => t.name), 'unique-name'].sort());
  });
});
