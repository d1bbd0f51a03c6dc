// Refty's candidates (one per externalId and sequence) and step requests, in memory. What referees write
// never exists here: the simulated referee only produces an outcome and a report link.
import { randomBytes } from 'node:crypto';
import type { JoinSequenceInput } from '../client';
import { SimProblem } from '../../../sandbox/http';

export type RequestStatus = 'sent' | 'completed' | 'expired' | 'declined' | 'cancelled';

export interface SimCandidate extends JoinSequenceInput {
  candidateId: string;
  createdAt: number;
}

export interface SimRequest {
  requestId: string;
  candidateId: string;
  externalId: string;
  stepId: string;
  status: RequestStatus;
  reportUrl: string | null;
  idempotencyKey: string | null;
  createdAt: number;
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export class ReftyStore {
  readonly candidates = new Map<string, SimCandidate>();
  /** Insertion order is list order. */
  readonly requests = new Map<string, SimRequest>();

  /** The same externalId and sequenceId give the same candidate (the contract's own idempotency). */
  join(input: JoinSequenceInput): SimCandidate {
    const existing = [...this.candidates.values()].find((c) => c.externalId === input.externalId && c.sequenceId === input.sequenceId);
    if (existing) return existing;
    const candidate = { ...input, candidateId: id('cand'), createdAt: Date.now() };
    this.candidates.set(candidate.candidateId, candidate);
    return candidate;
  }

  candidate(candidateId: string): SimCandidate {
    const found = this.candidates.get(candidateId);
    if (!found) throw new SimProblem('notFound', `candidate ${candidateId} not found`);
    return found;
  }

  request(requestId: string): SimRequest {
    const found = this.requests.get(requestId);
    if (!found) throw new SimProblem('notFound', `request ${requestId} not found`);
    return found;
  }

  createRequest(candidateId: string, stepId: string, idempotencyKey?: string): SimRequest {
    const candidate = this.candidate(candidateId);
    const request: SimRequest = {
      requestId: id('req'),
      candidateId,
      externalId: candidate.externalId,
      stepId,
      status: 'sent',
      reportUrl: null,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: Date.now(),
    };
    this.requests.set(request.requestId, request);
    return request;
  }

  /** Moves a sent request to its outcome; anything else is a 409. */
  finish(requestId: string, status: Exclude<RequestStatus, 'sent'>, reportUrl?: string): SimRequest {
    const request = this.request(requestId);
    if (request.status !== 'sent') throw new SimProblem('conflict', `request ${requestId} is ${request.status}`);
    request.status = status;
    if (reportUrl) request.reportUrl = reportUrl;
    return request;
  }

  listCandidates(externalId?: string): SimCandidate[] {
    return [...this.candidates.values()].filter((c) => externalId === undefined || c.externalId === externalId);
  }

  listRequests(externalId?: string): SimRequest[] {
    return [...this.requests.values()].filter((r) => externalId === undefined || r.externalId === externalId);
  }
}
