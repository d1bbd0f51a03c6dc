// Willo Integration API V2 (../shared/spec/partners.md, Willo): the interview catalogue, participants (invites),
// and the callbacks Willo sends. Willo publishes paths, not full bodies, so two assumptions live here and
// nowhere else:
// - Callbacks carry `participant` and `interview` as the contract says; the `external_id` we set on the
//   participant (our opportunity id) is used when a body carries it too, never required (callbacks.ts).
// - `new_response` may carry `responses_url`, the reviewer's link to the recorded answers; without it
//   the note names the participant.
import { partnerClient, type JsonClient, type PartnerOptions } from '../../http/json-client';

export interface WilloInterview {
  key: string;
  title: string;
  department?: string;
}

export interface WilloParticipant {
  key: string;
  interview: string;
  status: string;
  stage?: string;
}

export interface InviteInput {
  interview: string;
  first_name: string;
  last_name: string;
  email: string;
  phone?: string;
  /** Our opportunity id, kept on the participant (callbacks are matched by the participant's key). */
  external_id: string;
}

export type WilloCallback =
  | { type: 'new_response'; participant: string; interview: string; external_id?: string; responses_url?: string }
  | { type: 'stage_change'; participant: string; interview: string; external_id?: string; stage: string };

export interface WilloOptions extends PartnerOptions {
  /** `Authorization: <prefix> <key>`. */
  authPrefix?: string;
}

/** Willo answers lists either bare or in a `results` page. */
type List<T> = T[] | { results: T[] };
const items = <T>(list: List<T>): T[] => (Array.isArray(list) ? list : list.results);

const participantPath = (key: string) => `/participants/${encodeURIComponent(key)}/`;

export class WilloClient {
  private readonly http: JsonClient;

  constructor(options: WilloOptions) {
    this.http = partnerClient('Willo', options, options.authPrefix);
  }

  async listInterviews(): Promise<WilloInterview[]> {
    return items(await this.http.request<List<WilloInterview>>({ method: 'GET', path: '/interviews/' }));
  }

  async findParticipants(interview: string, email: string): Promise<WilloParticipant[]> {
    return items(await this.http.request<List<WilloParticipant>>({ method: 'GET', path: '/participants/', query: { interview, email } }));
  }

  invite(input: InviteInput, idempotencyKey: string): Promise<WilloParticipant> {
    return this.http.request({ method: 'POST', path: '/participants/', body: input, idempotencyKey });
  }

  /** Withdrawing an invite Willo no longer has is already done. */
  async withdraw(participantKey: string): Promise<void> {
    await this.http.deleteIfPresent(participantPath(participantKey));
  }
}
