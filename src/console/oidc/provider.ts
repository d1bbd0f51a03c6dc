// The relay as a client of the OpenID Connect provider, through `openid-client`: discovery (once, retried
// after a failure), the authorization request of a flow (code, PKCE S256, state, nonce), the code exchange
// with every check the library makes (state, ID token signature, issuer, audience, expiry, nonce), the
// provider's sign-out URL and its userinfo (who an access token belongs to). Nothing here decides roles.
import * as oidc from 'openid-client';
import { isLoopback, type OidcConfig } from '../../config/oidc';
import { hasClaim, type Claims } from './person';

/** How long one request to the provider may take before the sign-in answers that it cannot be reached. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export class ProviderUnreachableError extends Error {
  override name = 'ProviderUnreachableError';
}

/** A sign-in the provider's answer did not complete: forged, replayed, expired, or refused by the provider. */
export class SignInRefusedError extends Error {
  override name = 'SignInRefusedError';
}

export interface SignInResult {
  claims: Claims;
  idToken: string;
}

export class OidcProvider {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(readonly config: OidcConfig) {}

  get name(): string {
    return this.config.providerName;
  }

  /** The provider's configuration, discovered at first use; a failed discovery is tried again next time. */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.config.issuerUrl);
      this.discovered = oidc
        .discovery(issuer, this.config.clientId, undefined, oidc.ClientSecretBasic(this.config.clientSecret), {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Config validation allows plain HTTP only for a provider on this machine.
          ...(issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .then((configuration) => {
          configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
          return configuration;
        })
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw new ProviderUnreachableError(`${this.name} (${this.config.issuerUrl}) cannot be reached: ${messageOf(error)}`);
        });
    }
    return this.discovered;
  }

  /** Where to send the browser to sign in, for this flow's state, nonce and PKCE verifier. */
  async authorizationUrl(flow: { state: string; nonce: string; verifier: string }, redirectUri: string): Promise<URL> {
    const configuration = await this.configuration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.config.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  /**
   * Exchanges the code of the provider's redirect (`callbackUrl`, as the browser asked for it) for tokens,
   * checking that it answers this flow; the person's claims are the ID token's, completed by userinfo when
   * the ID token leaves out the email or the groups claim (some providers put them only there).
   */
  async finish(callbackUrl: URL, flow: { state: string; nonce: string; verifier: string }): Promise<SignInResult> {
    const configuration = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusalOrUnreachable(error);
    }
    const claims: Claims = { ...(tokens.claims() ?? {}) };
    const groupsClaim = this.config.groupsClaim;
    const incomplete = typeof claims.email !== 'string' || (groupsClaim !== undefined && !hasClaim(claims, groupsClaim));
    if (incomplete && configuration.serverMetadata().userinfo_endpoint) {
      try {
        Object.assign(claims, await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub)), { sub: claims.sub });
      } catch (error) {
        throw refusalOrUnreachable(error);
      }
    }
    return { claims, idToken: tokens.id_token ?? '' };
  }

  /** The provider's sign-out (RP-initiated logout) for this ID token, or undefined if it has none. */
  async signOutUrl(idToken: string, postLogoutRedirectUri: string): Promise<URL | undefined> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration();
    } catch {
      // Signing out of the console does not wait for a provider that cannot be reached.
      return undefined;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri });
  }

  /** Who the provider says an access token belongs to (its userinfo); a token it does not accept is refused. */
  async userinfo(accessToken: string): Promise<Claims> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().userinfo_endpoint)
      throw new SignInRefusedError(`${this.name} has no userinfo endpoint to check access tokens with`);
    try {
      return await oidc.fetchUserInfo(configuration, accessToken, oidc.skipSubjectCheck);
    } catch (error) {
      throw refusalOrUnreachable(error);
    }
  }
}

/**
 * What went wrong, in the provider's or the check's own words: an OAuth error (`invalid_grant: grant request is
 * invalid`), or the precise check the library's summary wraps (`unexpected ID Token "nonce" claim value`).
 */
function messageOf(error: unknown): string {
  const oauthError = error as { error?: unknown; error_description?: unknown };
  if (typeof oauthError.error === 'string')
    return `${oauthError.error}${typeof oauthError.error_description === 'string' ? `: ${oauthError.error_description}` : ''}`;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Network failures and timeouts mean "try again"; anything the provider or the checks refused means "no". */
function refusalOrUnreachable(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (error instanceof TypeError || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT')
    return new ProviderUnreachableError(`the identity provider cannot be reached: ${messageOf(error)}`);
  return new SignInRefusedError(messageOf(error));
}
