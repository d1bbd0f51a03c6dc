// OIDC's configuration (a bad one stops start-up with every problem named) and the role a person's claims give.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/assembly/config';
import type { OidcConfig } from '../../src/config/oidc';
import { personOf } from '../../src/console/oidc/person';

const GIVEN = { OIDC_ISSUER_URL: 'https://login.example.com/', OIDC_CLIENT_ID: 'relay', OIDC_CLIENT_SECRET: 's3cret' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('OIDC configuration', () => {
  it('is off unless configured, and reads every list', () => {
    expect(loadConfig({}).api.oidc).toBeUndefined();
    const config = loadConfig({
      ...GIVEN,
      OIDC_ADMIN_EMAILS: 'Ada@Example.com, bo@example.com',
      OIDC_GROUPS_CLAIM: 'realm_access.roles',
      OIDC_OPERATOR_GROUPS: 'recruiting-ops',
    });
    expect(config.api.oidc).toEqual({
      // Exactly as given: the provider's discovery document names its issuer with that trailing slash.
      issuerUrl: 'https://login.example.com/',
      clientId: 'relay',
      clientSecret: 's3cret',
      providerName: 'login.example.com',
      scopes: 'openid email profile',
      emails: { admin: ['ada@example.com', 'bo@example.com'], operator: [], viewer: [] },
      groupsClaim: 'realm_access.roles',
      groups: { admin: [], operator: ['recruiting-ops'], viewer: [] },
      defaultRole: 'none',
    });
  });

  it('reads the client secret from OIDC_CLIENT_SECRET_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oidc-'));
    try {
      writeFileSync(join(dir, 'secret'), 'from-a-file\n');
      const { OIDC_CLIENT_SECRET: _secret, ...rest } = GIVEN;
      const config = loadConfig({ ...rest, OIDC_CLIENT_SECRET_FILE: join(dir, 'secret'), OIDC_DEFAULT_ROLE: 'viewer' });
      expect(config.api.oidc?.clientSecret).toBe('from-a-file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every problem at once, and never shows the secret', () => {
    expect(problemsOf({ OIDC_ISSUER_URL: 'https://login.example.com' })).toEqual([
      'OIDC sign-in needs all of OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or OIDC_CLIENT_SECRET_FILE)',
    ]);
    const problems = problemsOf({
      ...GIVEN,
      OIDC_ISSUER_URL: 'http://login.example.com',
      OIDC_ADMIN_GROUPS: 'admins',
      OIDC_SCOPES: 'openid profile',
      OIDC_DEFAULT_ROLE: 'everyone',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'OIDC_ISSUER_URL must use https (plain http only for a provider on this machine): http://login.example.com',
        'OIDC_*_GROUPS need OIDC_GROUPS_CLAIM: the claim that lists the groups a person is in',
        expect.stringMatching(/^OIDC_SCOPES="openid profile" must include openid and email/),
        expect.stringMatching(/^OIDC_DEFAULT_ROLE="everyone"/),
      ]),
    );
    expect(problemsOf(GIVEN)).toEqual([
      'OIDC sign-in would refuse everyone: set OIDC_ADMIN_EMAILS (or other OIDC_*_EMAILS / OIDC_*_GROUPS)',
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
  });

  it('allows plain http for a provider on this machine only', () => {
    const local = { ...GIVEN, OIDC_ISSUER_URL: 'http://127.0.0.1:5556/dex', OIDC_DEFAULT_ROLE: 'viewer' };
    expect(loadConfig(local).api.oidc?.issuerUrl).toBe('http://127.0.0.1:5556/dex');
  });
});

describe('the role a person gets', () => {
  const config: OidcConfig = {
    issuerUrl: 'https://login.example.com',
    clientId: 'relay',
    clientSecret: 'x',
    providerName: 'Example',
    scopes: 'openid email',
    emails: { admin: ['ada@example.com'], operator: ['bo@example.com'], viewer: [] },
    groupsClaim: 'realm_access.roles',
    groups: { admin: ['relay-admins'], operator: [], viewer: ['recruiting'] },
    defaultRole: 'none',
  };

  it('takes the most powerful role any list gives, by email (any case) or group', () => {
    expect(personOf({ email: 'ADA@example.com' }, config)).toEqual({ person: { email: 'ada@example.com', role: 'admin' } });
    expect(personOf({ email: 'bo@example.com', realm_access: { roles: ['recruiting'] } }, config)).toEqual({
      person: { email: 'bo@example.com', role: 'operator' },
    });
    expect(personOf({ email: 'cy@example.com', realm_access: { roles: ['recruiting', 'relay-admins'] } }, config)).toEqual({
      person: { email: 'cy@example.com', role: 'admin' },
    });
    expect(personOf({ email: 'di@example.com', realm_access: { roles: 'recruiting' } }, config)).toEqual({
      person: { email: 'di@example.com', role: 'viewer' },
    });
  });

  it('reads a claim whose name has dots (a namespaced claim) before a path', () => {
    const namespaced = { ...config, groupsClaim: 'https://example.com/groups' };
    expect(personOf({ email: 'cy@example.com', 'https://example.com/groups': ['relay-admins'] }, namespaced)).toEqual({
      person: { email: 'cy@example.com', role: 'admin' },
    });
  });

  it('refuses a person no list names (unless OIDC_DEFAULT_ROLE=viewer), no email, or an unverified one', () => {
    expect(personOf({ email: 'eve@example.com' }, config)).toEqual({ refused: expect.stringContaining('eve@example.com has no role') });
    expect(personOf({ email: 'eve@example.com' }, { ...config, defaultRole: 'viewer' })).toEqual({
      person: { email: 'eve@example.com', role: 'viewer' },
    });
    expect(personOf({ sub: '123' }, config)).toEqual({ refused: expect.stringContaining('did not share an email address') });
    expect(personOf({ email: 'ada@example.com', email_verified: false }, config)).toEqual({
      refused: 'The identity provider has not verified ada@example.com.',
    });
  });
});
