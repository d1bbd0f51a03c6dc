// The Temporal UI's codec endpoint: decrypts what the relay encrypted, answers CORS for the UI's origin,
// refuses malformed bodies and payloads of another key, and is off by default outside sandbox mode.
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Server } from 'node:http';
import { createApp } from '../../src/api';
import { EncryptionCodec } from '../../src/temporal/codec';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { http, listen } from '../harness/http';

const config = loadConfig({});
// Never called: the codec endpoint does not talk to Temporal.
const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = await listen(createApp({ config, client, logger: createLogger('api', 'silent') })));
});
afterAll(() => server.close());

const toJson = (p: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data!).toString('base64'),
});

describe('/codec', () => {
  it('decodes payloads the relay encrypted, for the Temporal UI', async () => {
    const [encrypted] = await new EncryptionCodec(config.payloadKey).encode([
      defaultPayloadConverter.toPayload({ email: 'jane@example.com' }),
    ]);
    const answer = await http<{ payloads: { data: string }[] }>(
      'POST',
      `${url}/codec/decode`,
      { payloads: [toJson(encrypted)] },
      { origin: 'http://localhost:8233' },
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(answer.body.payloads[0].data, 'base64').toString())).toEqual({ email: 'jane@example.com' });
  });

  it("answers the UI origin's CORS preflight", async () => {
    const res = await fetch(`${url}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8233', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
  });

  it('refuses malformed bodies and payloads encrypted with another key, with 400', async () => {
    expect((await http('POST', `${url}/codec/decode`, { nope: 1 })).status).toBe(400);
    const [foreign] = await new EncryptionCodec(Buffer.alloc(32, 9)).encode([defaultPayloadConverter.toPayload('x')]);
    const answer = await http<{ error: string }>('POST', `${url}/codec/decode`, { payloads: [toJson(foreign)] });
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
    const { server: prod, url: prodUrl } = await listen(createApp({ config: production, client, logger: createLogger('api', 'silent') }));
    try {
      expect((await http('POST', `${prodUrl}/codec/decode`, { payloads: [] })).status).toBe(404);
    } finally {
      prod.close();
    }
  });
});
