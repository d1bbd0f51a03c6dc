// 2,000 generated hostile requests (fast-check) over every ingress route of a real API (createApp) talking
// to the real test Temporal server, no worker: random bytes, deep nesting, wrong types, control characters
// and lone surrogates in ids, valid signatures over junk, wrong secrets, stale timestamps, duplicate JSON
// keys, huge bodies. Every one gets an answer below 500 on a connection that stays up, and afterwards
// the API still accepts a valid webhook.
import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import { SANDBOX_ADMIN_TOKEN, SANDBOX_LEVER_WEBHOOK_TOKENS, sandboxCallbackSecret } from '../../src/config/sandbox-defaults';
import { LEVER_EVENTS, type LeverEvent } from '../../src/lever/events';
import { leverSignature } from '../../src/lever/webhook';
import { eachIntegration } from '../../src/integrations';
import { CALLBACK_SAMPLES } from '../harness/callback-samples';
import { callbackHeaders } from '../harness/callbacks';
import { useTestApi } from '../harness/api';
import { http } from '../harness/http';

// INGRESS_FUZZ_RUNS: fewer where the run shares its cores (the new-integration test runs it inside another run).
const RUNS = Number(process.env.INGRESS_FUZZ_RUNS ?? 2_000);

// Sandbox mode: every integration, its callbacks, the admin route and the codec endpoint are on.
const api = useTestApi();

interface Attempt {
  method: 'GET' | 'POST' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

// --- values ---------------------------------------------------------------------------------------

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
/** What a client can put in a header value: Latin-1 bytes without control characters (and no spaces, which fetch trims). */
const headerChar = fc.oneof(char(0x21, 0x7e), char(0x80, 0xff));
const hostileChar = fc.oneof(
  char(0x00, 0x1f), // control characters, NUL included
  char(0xd800, 0xdfff), // lone surrogates
  fc.constantFrom(' ', '"', '\\', '/', '%', '\u007f', '\u2028', '\ufeff'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileId = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 12 }),
  fc.tuple(fc.uuid(), hostileChar).map(([id, c]) => `${id}${c}`),
  fc.integer({ min: 201, max: 3_000 }).map((n) => 'o'.repeat(n)),
  fc.constantFrom('', '__proto__', 'constructor', '..', 'a b'),
  fc.uuid(),
);
/** Stands for a deeply nested value inside a template; spliced in as text, since JSON.stringify itself would overflow. */
const DEEP = '\u0000deep\u0000';
const withDeep = (json: string, nested: string) => json.replaceAll(JSON.stringify(DEEP), nested);
const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileId, fc.constant(undefined), fc.constant(DEEP));

/** A template with some of its fields replaced by junk or hostile ids. */
function mangled(template: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(template);
  return fc
    .tuple(fc.subarray([...keys, 'extra']), fc.array(junk, { minLength: keys.length + 1, maxLength: keys.length + 1 }))
    .map(([broken, values]) => ({ ...template, ...Object.fromEntries(broken.map((k, i) => [k, values[i]])) }));
}

// --- bodies ---------------------------------------------------------------------------------------

const text = (s: string) => Buffer.from(s, 'utf8');
/** `[[[...]]]` or `{"a":{"a":...}}` this deep, as JSON text: up to far beyond the body limit (then a 413). */
const deepJson = fc
  .tuple(
    fc.oneof(fc.integer({ min: 20, max: 2_000 }), fc.integer({ min: 5_000, max: 100_000 }), fc.integer({ min: 130_000, max: 150_000 })),
    fc.boolean(),
  )
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
const deep = deepJson.map(text);
/** The same key twice, the second one hostile: `JSON.parse` keeps the last. */
const duplicateKeys = (json: string, key: string) =>
  fc.tuple(hostileId, fc.boolean()).map(([value, first]) => {
    const extra = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return text(first ? `{${extra},${json.slice(1)}` : `${json.slice(0, -1)},${extra}}`);
  });
const huge = fc.integer({ min: 300_000, max: 700_000 }).map((n) => text(JSON.stringify({ type: 'x', padding: 'p'.repeat(n) })));

/** Any of the hostile body kinds, around a valid template of the route. */
function bodies(template: Record<string, unknown>, key: string): fc.Arbitrary<Buffer> {
  const json = JSON.stringify(template);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(mangled(template), deepJson).map(([o, nested]) => text(withDeep(JSON.stringify(o), nested))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => text(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: duplicateKeys(json, key) },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: fc.constant(text(json)) },
  );
}

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', '') },
);

// --- routes ---------------------------------------------------------------------------------------

const now = () => Date.now();
const triggeredAt = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).map(() => now()) },
  { weight: 1, arbitrary: fc.constant(null).map(() => now() - 30 * 86_400_000) }, // stale
  { weight: 1, arbitrary: fc.constant(null).map(() => now() + 3_600_000) }, // future
  { weight: 1, arbitrary: junk },
);
const leverEvent = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<LeverEvent>('applicationCreated', 'candidateStageChange', 'candidateHired', 'candidateDeleted') },
  { weight: 2, arbitrary: fc.constantFrom(...LEVER_EVENTS) },
  { weight: 1, arbitrary: junk },
);
const leverData = fc.uuid().chain((opportunityId) =>
  fc.oneof(
    mangled({ opportunityId, toStageId: 'phone-screen', fromStageId: 'applicant-new' }),
    // Valid ids with a hostile extra field: what gets past validation to the replay guard and Temporal.
    fc.oneof(junk, fc.constant(DEEP)).map((extra) => ({ opportunityId, toStageId: 'phone-screen', extra })),
  ),
);

/** Lever webhooks: signed right (over junk data too), wrongly, with another event's token, or not at all. */
const leverWebhook: fc.Arbitrary<Attempt> = fc
  .record({
    event: leverEvent,
    triggeredAt,
    token: fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 48, maxLength: 48 }) },
      { weight: 1, arbitrary: junk },
    ),
    data: leverData,
    signing: fc.constantFrom('right', 'right', 'right', 'right', 'right', 'wrong', 'other-event', 'none', 'junk'),
    type: contentType,
    raw: fc.option(bodies({ event: 'applicationCreated', data: {} }, 'event'), { freq: 4 }),
    nested: deepJson,
  })
  .map(({ event, triggeredAt, token, data, signing, type, raw, nested }): Attempt => {
    const key = (e: unknown) =>
      typeof e === 'string' && Object.hasOwn(SANDBOX_LEVER_WEBHOOK_TOKENS, e) ? SANDBOX_LEVER_WEBHOOK_TOKENS[e as LeverEvent] : 'none';
    const sign = (k: string) =>
      typeof token === 'string' && typeof triggeredAt === 'number' ? leverSignature(k, token, triggeredAt) : 'x';
    const signature = {
      right: sign(key(event)),
      wrong: 'a'.repeat(64),
      'other-event': sign(key('candidateHired')),
      none: undefined,
      junk: randomBytes(8).toString('hex'),
    }[signing];
    const body = raw ?? text(withDeep(JSON.stringify({ event, triggeredAt, token, signature, data }), nested));
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    return { method: 'POST', path: '/webhooks/lever', headers, body };
  });

/** Partner callbacks: Standard Webhooks signed with the right secret (over junk too), a wrong one, stale, or not at all. */
const partnerCallback: fc.Arbitrary<Attempt> = fc.constantFrom(...CALLBACK_SAMPLES).chain((sample) =>
  fc
    .record({
      body: bodies(sample.body, 'type'),
      signing: fc.constantFrom('right', 'right', 'right', 'wrong-secret', 'stale', 'none', 'junk'),
      webhookId: fc.oneof(
        { weight: 4, arbitrary: fc.uuid().map((id) => `msg_${id}`) },
        { weight: 1, arbitrary: fc.string({ unit: headerChar, maxLength: 300 }) },
      ),
      type: contentType,
    })
    .map(({ body, signing, webhookId, type }) => {
      const raw = body.toString('utf8');
      const at = signing === 'stale' ? new Date(now() - 3_600_000) : new Date();
      const secret = signing === 'wrong-secret' ? sandboxCallbackSecret('someone-else') : sandboxCallbackSecret(sample.integration);
      const signed = callbackHeaders(sample.integration, raw, { id: webhookId, at, secret });
      const headers =
        signing === 'none'
          ? {}
          : signing === 'junk'
            ? { 'webhook-id': webhookId, 'webhook-timestamp': 'yesterday', 'webhook-signature': 'v1,%%%' }
            : signed;
      return { method: 'POST', path: `/webhooks/${sample.integration}`, headers: { ...headers, 'content-type': type }, body };
    }),
);

/** Every integration's admin actions (Wintro's "Sync"), from the registry. */
const ADMIN_PATHS = eachIntegration().flatMap(([, integration]) =>
  (integration.server().admin ?? []).map((route) => `/admin/${route.path}`),
);

/** An admin action: the right token, a wrong one, or none, with any body. */
const adminRoute: fc.Arbitrary<Attempt> = fc
  .record({
    path: fc.constantFrom(...ADMIN_PATHS),
    authorization: fc.oneof(fc.constant(`Bearer ${SANDBOX_ADMIN_TOKEN}`), fc.string({ unit: headerChar, maxLength: 80 })),
    body: fc.option(bodies({ sync: true }, 'sync')),
  })
  .map(({ path, authorization, body }) => ({
    method: 'POST',
    path,
    headers: { authorization, 'content-type': 'application/json' },
    ...(body ? { body } : {}),
  }));

/** The Temporal UI's codec: payload lists of junk, junk bodies, CORS preflights. */
const codecRoute: fc.Arbitrary<Attempt> = fc
  .record({
    direction: fc.constantFrom('decode', 'encode'),
    body: fc.oneof(
      fc
        .array(mangled({ metadata: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' }, data: 'AAAA' }), { maxLength: 4 })
        .map((payloads) => text(JSON.stringify({ payloads }))),
      bodies({ payloads: [] }, 'payloads'),
    ),
    preflight: fc.boolean(),
  })
  .map(({ direction, body, preflight }): Attempt =>
    preflight
      ? { method: 'OPTIONS', path: `/codec/${direction}`, headers: { origin: 'http://127.0.0.1:8233' } }
      : { method: 'POST', path: `/codec/${direction}`, headers: { 'content-type': 'application/json' }, body },
  );

const otherRoutes: fc.Arbitrary<Attempt> = fc.oneof(
  fc.constantFrom<Attempt>(
    { method: 'GET', path: '/healthz', headers: {} },
    { method: 'GET', path: '/readyz', headers: {} },
    { method: 'GET', path: '/metrics', headers: {} },
    { method: 'GET', path: '/webhooks/lever', headers: {} },
  ),
  fc
    .string({ unit: char(0x21, 0x7e), maxLength: 60 })
    .map((path) => ({ method: 'POST' as const, path: `/${encodeURI(path)}`, headers: {}, body: text('{}') })),
);

const attempts = fc.oneof(
  { weight: 5, arbitrary: leverWebhook },
  { weight: 8, arbitrary: partnerCallback },
  { weight: 1, arbitrary: adminRoute },
  { weight: 1, arbitrary: codecRoute },
  { weight: 1, arbitrary: otherRoutes },
);

describe('hostile requests over every ingress route', () => {
  it(`${RUNS} generated requests: no 5xx, no dropped connection, and the API answers afterwards`, async () => {
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(attempts, async ({ method, path, headers, body }) => {
        // A thrown fetch is a dropped connection: the property fails with it.
        const response = await fetch(`${api.url}${path}`, { method, headers, body });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        return response.status < 500;
      }),
      { numRuns: RUNS },
    );
    console.log(
      `ingress fuzz: ${RUNS} requests in ${((Date.now() - started) / 1000).toFixed(1)}s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    // Every kind of answer was reached: refusals, but also accepted work.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 202, 400, 401, 404, 413, 415]));

    expect((await http('GET', `${api.url}/healthz`)).status).toBe(200);
    const token = randomBytes(24).toString('hex');
    const at = Date.now();
    const valid = await http('POST', `${api.url}/webhooks/lever`, {
      event: 'applicationCreated',
      triggeredAt: at,
      token,
      signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated, token, at),
      data: { opportunityId: randomUUID() },
    });
    expect(valid.status).toBe(202);
  }, 90_000);
});
