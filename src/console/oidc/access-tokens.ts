// People known by an OIDC access token (the Temporal UI's `codec.passAccessToken`): the provider's userinfo
// says whose token it is, and the configured lists give their role, as for a console sign-in. Answers are
// remembered for a minute (by the token's hash), so the UI's bursts of decode calls cost the provider one
// request; a token the provider stops accepting is refused within that minute.
import { createHash } from 'node:crypto';
import { HttpProblem } from '../../http/problems';
import type { Actor } from '../auth';
import { personOf } from './person';
import { ProviderUnreachableError, type OidcProvider } from './provider';

export const ACCESS_TOKEN_CACHE_MS = 60_000;
/** Tokens remembered at most, so a flood of made-up tokens cannot grow the map without bound. */
const MAX_TOKENS = 1_000;

export class AccessTokenPeople {
  private readonly known = new Map<string, { until: number; answer: Actor | HttpProblem }>();

  constructor(
    private readonly provider: OidcProvider,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person an access token belongs to, or a 401 (the provider does not accept it) / 403 (no role here). */
  async actorOf(token: string): Promise<Actor> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.known.get(key);
    const answer = cached && cached.until > this.now() ? cached.answer : await this.ask(key, token);
    if (answer instanceof HttpProblem) throw answer;
    return answer;
  }

  private async ask(key: string, token: string): Promise<Actor | HttpProblem> {
    let answer: Actor | HttpProblem;
    try {
      const who = personOf(await this.provider.userinfo(token), this.provider.config);
      answer = 'refused' in who ? new HttpProblem(403, who.refused) : { id: who.person.email, via: 'access-token', role: who.person.role };
    } catch (error) {
      // Not remembered: the provider may answer again in a moment.
      if (error instanceof ProviderUnreachableError) return new HttpProblem(503, `cannot check the access token: ${error.message}`);
      answer = new HttpProblem(401, `${this.provider.name} does not accept this access token: ${(error as Error).message}`);
    }
    if (this.known.size >= MAX_TOKENS) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, { until: this.now() + ACCESS_TOKEN_CACHE_MS, answer });
    return answer;
  }
}
