// Refty self-assessments and reference checks (../shared/spec/partners.md, Refty). Refty publishes no API, so this
// adapter is the contract: a real API that differs changes this file only.
import { partnerClient, type JsonClient, type PartnerOptions } from '../../http/json-client';

export interface JoinSequenceInput {
  externalId: string;
  sequenceId: string;
  language: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  jobTitle?: string;
}

type RequestIds = {
  requestId: string;
  candidateId: string;
  externalId: string;
  stepId: string;
};

export type ReftyCallback =
  | ({ type: 'request.completed'; reportUrl: string } & RequestIds)
  | ({ type: 'request.expired' } & RequestIds)
  | ({ type: 'request.declined' } & RequestIds);

export class ReftyClient {
  private readonly http: JsonClient;

  constructor(options: PartnerOptions) {
    this.http = partnerClient('Refty', options);
  }

  /** The same externalId and sequenceId give the same candidate. */
  joinSequence(input: JoinSequenceInput, idempotencyKey: string): Promise<{ candidateId: string }> {
    return this.http.request({ method: 'POST', path: '/v1/candidates', body: input, idempotencyKey });
  }

  requestStep(candidateId: string, stepId: string, idempotencyKey: string): Promise<{ requestId: string; status: string }> {
    return this.http.request({
      method: 'POST',
      path: `/v1/candidates/${encodeURIComponent(candidateId)}/steps/${encodeURIComponent(stepId)}/requests`,
      idempotencyKey,
    });
  }

  /** Cancelling a request Refty no longer has is already done. */
  async cancelRequest(requestId: string): Promise<void> {
    await this.http.deleteIfPresent(`/v1/requests/${encodeURIComponent(requestId)}`);
  }
}
