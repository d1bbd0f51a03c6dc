// Wintro employee-network referrals (../shared/spec/partners.md, Wintro). Wintro publishes no API, so this adapter
// is the contract: a real API that differs changes this file only. Only published postings and hashes of
// applicants' emails are ever sent; raw emails never leave Lever.
import { partnerClient, type JsonClient, type PartnerOptions } from '../../http/json-client';

export interface WintroVacancy {
  externalId: string;
  title: string;
  team?: string;
  location?: string;
  commitment?: string;
  applyUrl?: string;
}

export interface WintroCandidate {
  name: string;
  email: string;
  phone?: string;
  linkedinUrl?: string;
}

export type WintroCallback =
  | {
      type: 'referral.applied';
      referralId: string;
      leverPostingId: string;
      candidate: WintroCandidate;
      referrer: { name: string; email: string };
    }
  | { type: 'notification'; leverOpportunityId: string; message: string };

export class WintroClient {
  private readonly http: JsonClient;

  constructor(options: PartnerOptions) {
    this.http = partnerClient('Wintro', options);
  }

  /** Replaces the whole vacancy list: postings not in it (closed ones) drop out. PUT is idempotent. */
  putVacancies(vacancies: WintroVacancy[]): Promise<{ upserted: number; removed: number }> {
    return this.http.request({ method: 'PUT', path: '/v1/vacancies', body: { vacancies } });
  }

  /** Replaces the posting's exclusion list with these SHA-256 hashes of lower-cased emails. */
  async putExclusions(externalId: string, emailHashes: string[]): Promise<void> {
    await this.http.request({ method: 'PUT', path: `/v1/vacancies/${encodeURIComponent(externalId)}/exclusions`, body: { emailHashes } });
  }
}
