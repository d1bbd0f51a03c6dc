// Willo's interviews and participants, in memory. A withdrawn participant is gone from the API (404, not
// listed) but kept here so tests can see that it was withdrawn.
import { randomBytes } from 'node:crypto';
import type { InviteInput, WilloInterview } from '../client';
import { SimProblem } from '../../../sandbox/http';

export type ParticipantStatus = 'invited' | 'responded' | 'withdrawn';

export interface SimParticipant extends InviteInput {
  key: string;
  status: ParticipantStatus;
  /** The reviewer's stage in Willo, null until they move the participant. */
  stage: string | null;
  idempotencyKey: string | null;
  createdAt: number;
}

/** The sandbox's interview catalogue; the backend engineer posting is tagged `Willo:Engineering Screen-Sandbox`. */
export const SEED_WILLO_INTERVIEWS: readonly WilloInterview[] = [
  { key: 'int-engineering-screen', title: 'Engineering Screen', department: 'Engineering' },
  { key: 'int-support-screen', title: 'Support Screen', department: 'Customer Success' },
];

const canonical = (email: string) => email.trim().toLowerCase();

export class WilloStore {
  readonly interviews: WilloInterview[] = SEED_WILLO_INTERVIEWS.map((i) => ({ ...i }));
  /** Insertion order is list order. */
  readonly participants = new Map<string, SimParticipant>();

  interview(key: string): WilloInterview {
    const found = this.interviews.find((i) => i.key === key);
    if (!found) throw new SimProblem('notFound', `interview ${key} not found`);
    return found;
  }

  addInterview(title: string, department?: string): WilloInterview {
    const interview = { key: `int-${randomBytes(6).toString('hex')}`, title, ...(department ? { department } : {}) };
    this.interviews.push(interview);
    return interview;
  }

  invite(input: InviteInput, idempotencyKey?: string): SimParticipant {
    this.referencedInterview(input.interview);
    if (this.active().some((p) => p.interview === input.interview && canonical(p.email) === canonical(input.email))) {
      throw new SimProblem('badRequest', `a participant with this email is already invited to interview ${input.interview}`);
    }
    const participant: SimParticipant = {
      ...input,
      key: `par-${randomBytes(8).toString('hex')}`,
      status: 'invited',
      stage: null,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: Date.now(),
    };
    this.participants.set(participant.key, participant);
    return participant;
  }

  /** What the API can see: withdrawn participants are gone. */
  active(): SimParticipant[] {
    return [...this.participants.values()].filter((p) => p.status !== 'withdrawn');
  }

  find(interview: string | undefined, email: string | undefined): SimParticipant[] {
    return this.active().filter(
      (p) => (interview === undefined || p.interview === interview) && (email === undefined || canonical(p.email) === canonical(email)),
    );
  }

  participant(key: string): SimParticipant {
    const found = this.participants.get(key);
    if (!found || found.status === 'withdrawn') throw new SimProblem('notFound', `participant ${key} not found`);
    return found;
  }

  list(externalId?: string): SimParticipant[] {
    return [...this.participants.values()].filter((p) => externalId === undefined || p.external_id === externalId);
  }

  private referencedInterview(key: string): void {
    if (!this.interviews.some((i) => i.key === key)) throw new SimProblem('badRequest', `interview ${key} does not exist`);
  }
}
