// A real OpenID Connect provider for tests: the `oidc-provider` package (the certified implementation) in
// the test process, on an ephemeral port of 127.0.0.1. Its login page is the test interaction: it lists the
// test's people and signs in the one whose button is pressed (a form, so a cookie-jar client and a browser
// use it alike). Consent is implied for our clients (first-party apps), and RP-initiated logout is on.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '../../src/console/html';

export interface TestPerson {
  email: string;
  groups?: string[];
  /** false: the provider says it has not verified the address. */
  emailVerified?: boolean;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /** (Re)builds the provider with these clients: their redirect URIs are known only once the API listens. */
  register(clients: TestClient[]): Promise<void>;
  close(): Promise<void>;
}

/** The claim a person's groups come in (the tests configure OIDC_GROUPS_CLAIM with it). */
export const GROUPS_CLAIM = 'groups';
export const PROVIDER_NAME = 'Test IdP';

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function page(res: ServerResponse, title: string, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
  );
}

export async function startTestOidcProvider(people: TestPerson[]): Promise<TestOidcProvider> {
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.writeHead(503).end('no clients registered yet');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (interaction) void signInPerson(provider, req, res, interaction[1], interaction[2] !== undefined).catch((e) => fail(res, e));
    else void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const byEmail = new Map(people.map((p) => [p.email, p]));

  /** The test interaction: a page with one button per person; pressing one signs that person in. */
  async function signInPerson(p: Provider, req: IncomingMessage, res: ServerResponse, uid: string, submitted: boolean): Promise<void> {
    const details = await p.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (!submitted) {
      const buttons = people
        .map(
          (person) =>
            `<button type="submit" name="email" value="${escapeHtml(person.email)}">Sign in as ${escapeHtml(person.email)}</button>`,
        )
        .join('');
      return page(res, 'Test IdP sign-in', `<form method="post" action="/interaction/${escapeHtml(uid)}/login">${buttons}</form>`);
    }
    const email = (await readForm(req)).get('email') ?? '';
    if (!byEmail.has(email)) throw new Error(`no test person ${email}`);
    await p.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
  }

  const configuration = (clients: TestClient[]): Configuration => ({
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', GROUPS_CLAIM],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], [GROUPS_CLAIM]: [GROUPS_CLAIM] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const person = byEmail.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.email.split('@')[0],
          ...(person.groups ? { [GROUPS_CLAIM]: person.groups } : {}),
        }),
      };
    },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // First-party clients: every scope asked for is granted without a consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head><body><main><h1>Sign out of Test IdP?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></main></body></html>`;
        },
      },
    },
  });

  return {
    issuer,
    async register(clients) {
      provider = new Provider(issuer, configuration(clients));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function fail(res: ServerResponse, error: unknown): void {
  if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
  res.end(error instanceof Error ? error.message : String(error));
}
