// The Temporal UI's codec endpoint: decrypts what the relay encrypted only for an operator or admin (a console
// session, as the UI sends with `includeCredentials`, or a bearer token), answers CORS for the UI's origin only,
// refuses anyone else, logs who asked, refuses malformed bodies and payloads of another key, and is off by
// default outside sandbox mode.
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from '../../src/temporal/codec';
import { loadConfig } from '../../src/assembly/config';
import { createLogger } from '../../src/logger';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import type { Role } from '../../src/console/roles';
import { encodeSession, newSession, SESSION_COOKIE } from '../../src/console/session';
import { serveApp, type ServedApp } from '../harness/api';
import { http } from '../harness/http';

const config = loadConfig({});
// The codec endpoint does not talk to Temporal; the app's background readers find nobody there and, with
// no retry interceptor, fail at once, so closing the connection leaves no retry timer behind to call it.
const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', interceptors: [] }) });
const logger = createLogger('api', 'silent');
const logged = jest.spyOn(logger, 'info');
let served: ServedApp;
let url: string;
const UI = 'http://127.0.0.1:8233';

beforeAll(async () => {
  served = await serveApp({ config, client, logger });
  url = served.url;
});

/** The console's session cookie of a person with that role (how the UI's `includeCredentials` request comes). */
const sessionCookie = (role: Role) =>
  `${SESSION_COOKIE}=${encodeSession(newSession(`${role}@example.com`, role, Date.now()), SANDBOX_ADMIN_TOKEN)}`;

async function encrypted(value: unknown) {
  const [payload] = await new EncryptionCodec(config.payloadKey).encode([defaultPayloadConverter.toPayload(value)]);
  return { payloads: [toJson(payload)] };
}
afterAll(async () => {
  await served.close();
  await client.connection.close();
});

const toJson = (p: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data!).toString('base64'),
});

describe('/codec', () => {
  it('decodes payloads the relay encrypted for an admin session from the Temporal UI, and logs who asked', async () => {
    logged.mockClear();
    const answer = await http<{ payloads: { data: string }[] }>(
      'POST',
      `${url}/codec/decode`,
      await encrypted({ email: 'jane@example.com' }),
      { origin: UI, cookie: sessionCookie('admin') },
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(answer.body.payloads[0].data, 'base64').toString())).toEqual({ email: 'jane@example.com' });
    const line = logged.mock.calls.find((call) => call[1] === 'codec decode');
    expect(line?.[0]).toEqual({ actor: 'admin@example.com', via: 'session', role: 'admin', direction: 'decode', payloads: 1 });
    expect(JSON.stringify(logged.mock.calls)).not.toContain('jane');
  });

  it('decodes for an operator session and for a script with the admin token', async () => {
    const body = await encrypted('x');
    expect((await http('POST', `${url}/codec/decode`, body, { origin: UI, cookie: sessionCookie('operator') })).status).toBe(200);
    expect((await http('POST', `${url}/codec/decode`, body, { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` })).status).toBe(200);
  });

  it('refuses a request without credentials (401), with a wrong token (401), and a viewer (403)', async () => {
    const body = await encrypted({ email: 'jane@example.com' });
    const none = await fetch(`${url}/codec/decode`, {
      method: 'POST',
      headers: { origin: UI, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain(Buffer.from('jane').toString('base64'));
    expect((await http('POST', `${url}/codec/decode`, body, { authorization: 'Bearer nope-nope-nope-nope' })).status).toBe(401);
    expect((await http('POST', `${url}/codec/decode`, body, { origin: UI, cookie: sessionCookie('viewer') })).status).toBe(403);
    expect((await http('POST', `${url}/codec/encode`, body, { origin: UI })).status).toBe(401);
  });

  it('answers CORS for the UI origin only, and refuses a request from another origin even with a session', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/codec/decode`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const ui = await preflight(UI);
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe(UI);
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    for (const origin of ['http://evil.example.com', 'http://localhost:8233']) {
      const other = await preflight(origin);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await fetch(`${url}/codec/decode`, {
        method: 'POST',
        headers: { origin, cookie: sessionCookie('admin'), 'content-type': 'application/json' },
        body: JSON.stringify(await encrypted('x')),
      });
      expect(post.status).toBe(403);
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses malformed bodies and payloads encrypted with another key, with 400', async () => {
    const admin = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
    expect((await http('POST', `${url}/codec/decode`, { nope: 1 }, admin)).status).toBe(400);
    const [foreign] = await new EncryptionCodec(Buffer.alloc(32, 9)).encode([defaultPayloadConverter.toPayload('x')]);
    const answer = await http<{ error: string }>('POST', `${url}/codec/decode`, { payloads: [toJson(foreign)] }, admin);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/could not be decoded/);
  });

  it('is off by default outside sandbox mode', async () => {
    const production = loadConfig({
      LEVER_API_BASE_URL: 'https://api.lever.co/v1',
      LEVER_API_KEY: 'k',
      LEVER_WEBHOOK_TOKENS: 't',
      PAYLOAD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(production.api.codecEndpoint).toBe(false);
    const { url: prodUrl, close } = await serveApp({ config: production, client, logger: createLogger('api', 'silent') });
    try {
      expect((await http('POST', `${prodUrl}/codec/decode`, { payloads: [] })).status).toBe(404);
    } finally {
      await close();
    }
  });
});
