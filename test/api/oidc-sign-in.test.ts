// Signing in to the console through OpenID Connect, against a real provider (the `oidc-provider` package,
// in this process) over real HTTP, with a cookie jar following every redirect: sign-in end to end and the
// audit log naming the person, roles from emails and groups, people refused, sign-out of the console and of
// the provider, an expired session, forged and replayed callbacks, a wrong PKCE verifier and a nonce that
// does not match; and the codec taking a person's access token (the Temporal UI's `passAccessToken`).
import { createHash, randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { decodeFlow, encodeFlow, FLOW_COOKIE } from '../../src/console/oidc/flow';
import { OidcProvider, ProviderUnreachableError } from '../../src/console/oidc/provider';
import { seal } from '../../src/console/sealed';
import { decodeSession, SESSION_COOKIE, SESSION_TTL_MS } from '../../src/console/session';
import { createLogger } from '../../src/logger';
import { EncryptionCodec } from '../../src/temporal/codec';
import { CookieJar, formOf, type Answer } from '../harness/cookie-jar';
import { PROVIDER_NAME, startTestOidcProvider, type TestOidcProvider } from '../harness/oidc-provider';
import { useTestRelay } from '../harness/relay';

const UI = 'http://127.0.0.1:8233';
const CONSOLE_CLIENT = { clientId: 'relay-console', clientSecret: randomBytes(24).toString('base64url') };
const UI_CLIENT = {
  clientId: 'temporal-ui',
  clientSecret: randomBytes(24).toString('base64url'),
  redirectUri: 'http://127.0.0.1:9/ui-callback',
};

let idp: TestOidcProvider;
let clockOffset = 0;
const logger = createLogger('api', 'silent');
const logged = jest.spyOn(logger, 'info');
const warned = jest.spyOn(logger, 'warn');
const env: Record<string, string> = {};

beforeAll(async () => {
  idp = await startTestOidcProvider([
    { email: 'admin@example.com' },
    { email: 'lead@example.com', groups: ['relay-admins', 'recruiting'] },
    { email: 'ops@example.com' },
    { email: 'viewer@example.com', groups: ['recruiting'] },
    { email: 'stranger@example.com', groups: ['sales'] },
    { email: 'unverified@example.com', emailVerified: false },
  ]);
  Object.assign(env, {
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: CONSOLE_CLIENT.clientId,
    OIDC_CLIENT_SECRET: CONSOLE_CLIENT.clientSecret,
    OIDC_PROVIDER_NAME: PROVIDER_NAME,
    OIDC_SCOPES: 'openid email profile groups',
    // Emails compare whatever their case.
    OIDC_ADMIN_EMAILS: 'Admin@Example.com, unverified@example.com',
    OIDC_OPERATOR_EMAILS: 'ops@example.com',
    OIDC_GROUPS_CLAIM: 'groups',
    OIDC_ADMIN_GROUPS: 'relay-admins',
    OIDC_VIEWER_GROUPS: 'recruiting',
    TEMPORAL_UI_URL: UI,
  });
});
// A whole relay (a worker applies audited changes; the sandbox stands in for Lever).
const context = useTestRelay({ env, now: () => Date.now() + clockOffset, logger });
const api = {
  get url() {
    return context.relay.apiUrl;
  },
  get config() {
    return context.relay.config;
  },
};
beforeAll(async () => {
  // The redirect URIs registered at the provider name the address the API really listens on.
  await idp.register([
    {
      ...CONSOLE_CLIENT,
      redirectUris: [`${api.url}/console/oidc/callback`],
      postLogoutRedirectUris: [`${api.url}/console/sign-in`],
    },
    { clientId: UI_CLIENT.clientId, clientSecret: UI_CLIENT.clientSecret, redirectUris: [UI_CLIENT.redirectUri] },
  ]);
});
afterAll(() => idp?.close());
afterEach(() => {
  clockOffset = 0;
});

const isCallback = (url: URL) => url.pathname === '/console/oidc/callback';

/** From "Sign in with Test IdP" to the provider's login page, where the person's button is pressed. */
async function pressSignIn(jar: CookieJar, email: string, next: string, stopAt?: (url: URL) => boolean): Promise<Answer> {
  const login = await jar.follow(`${api.url}/console/oidc/start?next=${encodeURIComponent(next)}`);
  expect(login.url).toMatch(new RegExp(`^${idp.issuer}/interaction/`));
  const form = formOf(login.text, /\/login$/);
  return jar.follow(new URL(form.action, login.url).href, { method: 'POST', form: { email }, ...(stopAt ? { stopAt } : {}) });
}

/** A whole sign-in: the answer of the relay's callback (the "Signed in" page, or a refusal). */
const signIn = (jar: CookieJar, email: string, next = '/console/integrations') => pressSignIn(jar, email, next);

/** A sign-in stopped where the provider sends the browser back: the callback URL, and the flow cookie of the jar. */
async function untilCallback(jar: CookieJar, email: string): Promise<{ callbackUrl: string; flowCookie: string }> {
  const answer = await pressSignIn(jar, email, '/console/integrations', isCallback);
  expect(answer.location).toBeDefined();
  return { callbackUrl: answer.location!, flowCookie: jar.cookie(FLOW_COOKIE)! };
}

const sessionIn = (jar: CookieJar) => decodeSession(jar.cookie(SESSION_COOKIE), SANDBOX_ADMIN_TOKEN, Date.now() + clockOffset);
const sessionCookieSet = (answer: Answer) =>
  answer.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));

describe('signing in through OpenID Connect', () => {
  it('offers the provider on the sign-in page, with the admin token kept as break-glass', async () => {
    const jar = new CookieJar();
    const visit = await jar.request('GET', `${api.url}/console/settings/willo`);
    expect(visit.status).toBe(303);
    const page = await jar.follow(visit.location!);
    expect(page.text).toContain(`Sign in with ${PROVIDER_NAME}`);
    expect(page.text).toContain('Break-glass: sign in with the admin token');
    expect(page.text).toContain('<a role="button" href="/console/oidc/start?next=%2Fconsole%2Fsettings%2Fwillo">');
  });

  it('keeps the admin token sign-in as break-glass: an admin session, logged as a warning', async () => {
    warned.mockClear();
    const jar = new CookieJar();
    const signedIn = await jar.request('POST', `${api.url}/console/sign-in`, {
      form: { token: SANDBOX_ADMIN_TOKEN, next: '/console/audit' },
    });
    expect([signedIn.status, signedIn.location]).toEqual([303, `${api.url}/console/audit`]);
    expect(sessionIn(jar)).toMatchObject({ sub: 'admin-token', role: 'admin' });
    expect(warned.mock.calls).toContainEqual([
      { actor: 'admin-token', role: 'admin', via: 'break-glass', address: expect.any(String) },
      'console sign-in',
    ]);
  });

  it('tells a provider that cannot be reached from a refusal (the sign-in route answers 503 for it), and signs out without it', async () => {
    const unreachable = new OidcProvider({ ...api.config.api.oidc!, issuerUrl: 'http://127.0.0.1:9/' });
    const flow = { state: 's', nonce: 'n', verifier: 'v'.repeat(43) };
    await expect(unreachable.authorizationUrl(flow, `${api.url}/console/oidc/callback`)).rejects.toThrow(ProviderUnreachableError);
    // Signing out does not wait for it.
    await expect(unreachable.signOutUrl('id-token', `${api.url}/console/sign-in`)).resolves.toBeUndefined();
  });

  it('signs a person in end to end, back where they were going, and the audit log names them', async () => {
    const jar = new CookieJar();
    const signedIn = await signIn(jar, 'admin@example.com', '/console/settings/willo');
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).toContain('You are signed in as admin@example.com.');
    expect(signedIn.text).toContain('<meta http-equiv="refresh" content="0; url=/console/settings/willo" />');
    const setCookie = signedIn.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    // The flow was answered: its cookie is gone.
    expect(jar.cookie(FLOW_COOKIE)).toBeUndefined();
    expect(sessionIn(jar)).toMatchObject({ sub: 'admin@example.com', role: 'admin', idToken: expect.any(String) });
    const page = await jar.request('GET', `${api.url}/console/settings/willo`);
    expect(page.status).toBe(200);
    expect(logged.mock.calls).toContainEqual([{ actor: 'admin@example.com', role: 'admin', via: 'oidc' }, 'console sign-in']);

    // A change made in this session is audited under the person's email.
    const session = sessionIn(jar)!;
    const headers = { cookie: `${SESSION_COOKIE}=${jar.cookie(SESSION_COOKIE)}`, 'x-csrf-token': session.csrf };
    const view = (await (await fetch(`${api.url}/admin/settings`, { headers })).json()) as { version: number };
    const saved = await fetch(`${api.url}/admin/settings/wintro`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': String(view.version) },
      body: JSON.stringify({ enabled: false }),
    });
    expect([saved.status, await saved.text()]).toEqual([200, expect.any(String)]);
    const audit = (await (await fetch(`${api.url}/admin/settings/audit`, { headers })).json()) as { changes: { actor: string }[] };
    expect(audit.changes[0]).toMatchObject({ actor: 'admin@example.com', via: 'api' });
  });

  it.each([
    ['admin@example.com', 'admin', 'in OIDC_ADMIN_EMAILS (another case)'],
    ['lead@example.com', 'admin', 'in the relay-admins group (and in recruiting: the most powerful role wins)'],
    ['ops@example.com', 'operator', 'in OIDC_OPERATOR_EMAILS'],
    ['viewer@example.com', 'viewer', 'in the recruiting group'],
  ])('gives %s the %s role (%s)', async (email, role) => {
    const jar = new CookieJar();
    expect((await signIn(jar, email)).status).toBe(200);
    expect(sessionIn(jar)).toMatchObject({ sub: email, role });
    // What the role allows: every role sees the console; only an admin may change settings.
    expect((await jar.request('GET', `${api.url}/console/integrations`)).status).toBe(200);
    const change = await fetch(`${api.url}/admin/settings/willo`, {
      method: 'PUT',
      headers: {
        cookie: `${SESSION_COOKIE}=${jar.cookie(SESSION_COOKIE)}`,
        'x-csrf-token': sessionIn(jar)!.csrf,
        'content-type': 'application/json',
        'if-match': '"999999"',
      },
      body: '{}',
    });
    // An admin gets past the role check (to the stale version's 409); anyone else is refused.
    expect(change.status).toBe(role === 'admin' ? 409 : 403);
  });

  it.each([
    ['stranger@example.com', 'stranger@example.com has no role in this relay'],
    ['unverified@example.com', 'The identity provider has not verified unverified@example.com'],
  ])('refuses %s with a page that says why, and no session', async (email, why) => {
    const jar = new CookieJar();
    const refused = await signIn(jar, email);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(why);
    expect(sessionCookieSet(refused)).toBe(false);
    expect(jar.cookie(SESSION_COOKIE)).toBeUndefined();
    expect((await jar.request('GET', `${api.url}/console/integrations`)).status).toBe(303);
  });

  it('signs out of the console and of the provider (its end_session_endpoint), then back to sign-in', async () => {
    const jar = new CookieJar();
    await signIn(jar, 'ops@example.com');
    const session = sessionIn(jar)!;
    const out = await jar.request('POST', `${api.url}/console/sign-out`, { form: { _csrf: session.csrf } });
    // A page that moves on to the provider's sign-out by itself (a form's redirect to another site would break the CSP).
    expect(out.status).toBe(200);
    const link = /<a href="([^"]+)">Sign out of Test IdP too<\/a>/.exec(out.text)?.[1];
    expect(out.text).toContain(`<meta http-equiv="refresh" content="0; url=${link}" />`);
    const endSession = new URL(link!.replace(/&amp;/g, '&'));
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBe(session.idToken);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/console/sign-in`);
    // The console's session is gone at once, whatever the provider does next.
    expect(jar.cookie(SESSION_COOKIE)).toBeUndefined();
    expect((await jar.request('GET', `${api.url}/console/integrations`)).status).toBe(303);

    const confirm = await jar.follow(endSession.href);
    const form = formOf(confirm.text, /session\/end\/confirm/);
    const back = await jar.follow(new URL(form.action, confirm.url).href, { method: 'POST', form: { ...form.fields, logout: 'yes' } });
    expect(back.url).toBe(`${api.url}/console/sign-in`);
    expect(back.text).toContain(`Sign in with ${PROVIDER_NAME}`);
    // The provider's session ended too: signing in again asks who is signing in.
    const again = await jar.follow(`${api.url}/console/oidc/start`);
    expect(again.url).toMatch(/\/interaction\//);
    expect(again.text).toContain('Sign in as ops@example.com');
  });

  it('refuses a session once it has expired (8 hours): pages, changes, the JSON API and the codec', async () => {
    const jar = new CookieJar();
    await signIn(jar, 'admin@example.com');
    const { csrf } = sessionIn(jar)!;
    const cookie = `${SESSION_COOKIE}=${jar.cookie(SESSION_COOKIE)}`;
    const decode = () =>
      fetch(`${api.url}/codec/decode`, {
        method: 'POST',
        headers: { origin: UI, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ payloads: [] }),
      });
    // The JSON API takes the same session, judged by the same clock.
    const adminJson = () => fetch(`${api.url}/admin/settings`, { headers: { cookie } });
    expect((await jar.request('GET', `${api.url}/console/integrations`)).status).toBe(200);
    expect((await decode()).status).toBe(200);
    expect((await adminJson()).status).toBe(200);

    clockOffset = SESSION_TTL_MS + 1_000;
    const page = await jar.request('GET', `${api.url}/console/integrations`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`${api.url}/console/sign-in?next=%2Fconsole%2Fintegrations`);
    expect((await jar.request('POST', `${api.url}/console/sign-out`, { form: { _csrf: csrf } })).status).toBe(401);
    expect((await decode()).status).toBe(401);
    expect((await adminJson()).status).toBe(401);
  });
});

describe('refusing callbacks that are not the answer to this browser’s sign-in', () => {
  it('refuses a callback with another state (forged), and the flow is spent', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await untilCallback(jar, 'admin@example.com');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'attacker-chosen-state');
    const refused = await jar.request('GET', forged.href);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('does not belong to the sign-in this browser started');
    expect(sessionCookieSet(refused)).toBe(false);
    // The genuine answer comes too late: the flow was spent on the forged one.
    const genuine = await jar.request('GET', callbackUrl);
    expect(genuine.status).toBe(400);
    expect(genuine.text).toContain('This browser has no sign-in under way');
    expect(jar.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a callback without the flow cookie, or with one the relay did not sign', async () => {
    const jar = new CookieJar();
    const { callbackUrl, flowCookie } = await untilCallback(jar, 'admin@example.com');
    const stranger = new CookieJar();
    const noFlow = await stranger.request('GET', callbackUrl);
    expect(noFlow.status).toBe(400);
    expect(sessionCookieSet(noFlow)).toBe(false);
    const [payload, signature] = flowCookie.split('.');
    stranger.set(api.url, FLOW_COOKIE, `${payload}.${signature.slice(1)}A`, '/console/oidc');
    const badSignature = await stranger.request('GET', callbackUrl);
    expect(badSignature.status).toBe(400);
    expect(sessionCookieSet(badSignature)).toBe(false);
  });

  it('refuses a replayed callback (the same code and state again, with the flow cookie copied)', async () => {
    const jar = new CookieJar();
    const { callbackUrl, flowCookie } = await untilCallback(jar, 'admin@example.com');
    const first = await jar.request('GET', callbackUrl);
    expect(first.status).toBe(200);
    expect(sessionCookieSet(first)).toBe(true);

    const replayer = new CookieJar();
    replayer.set(api.url, FLOW_COOKIE, flowCookie, '/console/oidc');
    const replay = await replayer.request('GET', callbackUrl);
    // The provider refuses a code used once; no session either way.
    expect(replay.status).toBe(401);
    expect(replay.text).toMatch(/invalid_grant/);
    expect(sessionCookieSet(replay)).toBe(false);
  });

  it('refuses an exchange with a wrong or missing PKCE verifier, and an ID token for another nonce', async () => {
    // The flow cookie is signed, so a person cannot alter it; the test, which knows the signing key, plays an
    // attacker who could, to show the provider and the library hold the line too.
    const tamperedCallback = async (change: (flow: NonNullable<ReturnType<typeof decodeFlow>>) => object, sealed = false) => {
      const jar = new CookieJar();
      const { callbackUrl, flowCookie } = await untilCallback(jar, 'admin@example.com');
      const flow = decodeFlow(flowCookie, SANDBOX_ADMIN_TOKEN, Date.now())!;
      const altered = change(flow);
      const value = sealed
        ? seal(altered, SANDBOX_ADMIN_TOKEN, 'lever-relay oidc sign-in v1')
        : encodeFlow(altered as typeof flow, SANDBOX_ADMIN_TOKEN);
      jar.set(api.url, FLOW_COOKIE, value, '/console/oidc');
      return jar.request('GET', callbackUrl);
    };
    const otherVerifier = await tamperedCallback((flow) => ({ ...flow, verifier: randomBytes(32).toString('base64url') }));
    expect(otherVerifier.status).toBe(401);
    expect(otherVerifier.text).toMatch(/invalid_grant/);
    expect(sessionCookieSet(otherVerifier)).toBe(false);

    const noVerifier = await tamperedCallback(({ verifier: _verifier, ...flow }) => flow, true);
    expect(noVerifier.status).toBe(400);
    expect(sessionCookieSet(noVerifier)).toBe(false);

    const otherNonce = await tamperedCallback((flow) => ({ ...flow, nonce: randomBytes(32).toString('base64url') }));
    expect(otherNonce.status).toBe(401);
    expect(otherNonce.text).toMatch(/nonce/);
    expect(sessionCookieSet(otherNonce)).toBe(false);
  });

  it('shows the provider’s refusal (the person cancelled) without a session', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await untilCallback(jar, 'admin@example.com');
    const state = new URL(callbackUrl).searchParams.get('state')!;
    const denied = await jar.request(
      'GET',
      `${api.url}/console/oidc/callback?error=access_denied&error_description=cancelled&state=${state}`,
    );
    expect(denied.status).toBe(401);
    expect(denied.text).toContain('Test IdP answered: access_denied (cancelled).');
    expect(sessionCookieSet(denied)).toBe(false);
  });
});

describe('the codec and OIDC access tokens (the Temporal UI’s passAccessToken)', () => {
  /** What the Temporal UI does when a person signs in to it: the code flow with its own client, then the token request. */
  async function uiAccessToken(email: string): Promise<string> {
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as {
      authorization_endpoint: string;
      token_endpoint: string;
    };
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(discovery.authorization_endpoint);
    for (const [key, value] of Object.entries({
      client_id: UI_CLIENT.clientId,
      response_type: 'code',
      scope: 'openid email groups',
      redirect_uri: UI_CLIENT.redirectUri,
      state: 'ui-state',
      nonce: 'ui-nonce',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(key, value);
    const jar = new CookieJar();
    const login = await jar.follow(authorize.href);
    const form = formOf(login.text, /\/login$/);
    const back = await jar.follow(new URL(form.action, login.url).href, {
      method: 'POST',
      form: { email },
      stopAt: (url) => url.href.startsWith(UI_CLIENT.redirectUri),
    });
    const code = new URL(back.location!).searchParams.get('code')!;
    const tokens = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${UI_CLIENT.clientId}:${UI_CLIENT.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: UI_CLIENT.redirectUri, code_verifier: verifier }),
    });
    expect(tokens.status).toBe(200);
    return ((await tokens.json()) as { access_token: string }).access_token;
  }

  async function decode(authorization: string) {
    const [payload] = await new EncryptionCodec(api.config.payloadKeys).encode([
      defaultPayloadConverter.toPayload({ email: 'jane@example.com' }),
    ]);
    const body = {
      payloads: [
        {
          metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
          data: Buffer.from(payload.data!).toString('base64'),
        },
      ],
    };
    const response = await fetch(`${api.url}/codec/decode`, {
      method: 'POST',
      headers: { origin: UI, authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text };
  }

  it('decodes for an admin’s or operator’s access token, and logs who asked', async () => {
    logged.mockClear();
    for (const [email, role] of [
      ['lead@example.com', 'admin'],
      ['ops@example.com', 'operator'],
    ]) {
      const answer = await decode(`Bearer ${await uiAccessToken(email)}`);
      expect(answer.status).toBe(200);
      const data = (JSON.parse(answer.text) as { payloads: { data: string }[] }).payloads[0].data;
      expect(JSON.parse(Buffer.from(data, 'base64').toString())).toEqual({ email: 'jane@example.com' });
      expect(logged.mock.calls).toContainEqual([
        { actor: email, via: 'access-token', role, direction: 'decode', payloads: 1 },
        'codec decode',
      ]);
    }
    expect(JSON.stringify(logged.mock.calls)).not.toContain('jane');
  });

  it('refuses a viewer’s access token (403), a person without a role (403) and a token the provider never issued (401)', async () => {
    const viewer = await decode(`Bearer ${await uiAccessToken('viewer@example.com')}`);
    expect(viewer.status).toBe(403);
    expect(viewer.text).not.toContain(Buffer.from('jane').toString('base64'));
    expect((await decode(`Bearer ${await uiAccessToken('stranger@example.com')}`)).status).toBe(403);
    const forged = await decode(`Bearer ${randomBytes(32).toString('base64url')}`);
    expect(forged.status).toBe(401);
    expect(forged.text).toContain(`${PROVIDER_NAME} does not accept this access token`);
  });
});
