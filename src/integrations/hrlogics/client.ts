// HRLogics WOTC screening API (../shared/spec/partners.md). HRLogics publishes no API, so this adapter is the
// contract: a real API that differs changes this file only.
import { partnerClient, type JsonClient, type PartnerOptions } from '../../http/json-client';
import type { WotcResult } from './tags';

export interface HrlogicsApplicant {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

export interface CreateScreeningInput {
  externalId: string;
  postingId?: string;
  applicant: HrlogicsApplicant;
}

export interface Screening {
  screeningId: string;
  surveyUrl: string;
  status: string;
}

export interface HireInput {
  startDate: string;
  jobTitle?: string;
  workState?: string;
}

export type HrlogicsCallback =
  | { type: 'screening.completed'; screeningId: string; externalId: string; result: WotcResult; targetGroups?: string[] }
  | { type: 'screening.expired'; screeningId: string; externalId: string };

const path = (screeningId: string) => `/v1/screenings/${encodeURIComponent(screeningId)}`;

export class HrlogicsClient {
  private readonly http: JsonClient;

  constructor(options: PartnerOptions) {
    this.http = partnerClient('HRLogics', options);
  }

  createScreening(input: CreateScreeningInput, idempotencyKey: string): Promise<Screening> {
    return this.http.request({ method: 'POST', path: '/v1/screenings', body: input, idempotencyKey });
  }

  async sendReminder(screeningId: string, idempotencyKey: string): Promise<void> {
    await this.http.request({ method: 'POST', path: `${path(screeningId)}/reminders`, idempotencyKey });
  }

  async reportHire(screeningId: string, hire: HireInput, idempotencyKey: string): Promise<void> {
    await this.http.request({ method: 'POST', path: `${path(screeningId)}/hire`, body: hire, idempotencyKey });
  }

  /** Cancelling a screening HRLogics no longer has is already done. */
  async cancelScreening(screeningId: string): Promise<void> {
    await this.http.deleteIfPresent(path(screeningId));
  }
}
