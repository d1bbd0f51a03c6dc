// The anonymous technical-interview platform (../shared/spec/partners.md). It publishes no API, so this adapter is
// the contract. We only report back what happened in Lever to candidates it exported.
import { partnerClient, type JsonClient, type PartnerOptions } from '../../http/json-client';

export interface InterviewScores {
  technical: number;
  communication: number;
  problemSolving: number;
}

export type InterviewCandidate =
  { anonymous: false; name: string; email: string; linkedinUrl?: string } | { anonymous: true; pseudonym: string };

export type InterviewCompleted = {
  type: 'interview.completed';
  interviewId: string;
  outcome: 'advance' | 'no_advance';
  candidate: InterviewCandidate;
  interviewer: { name: string; leverUserEmail?: string };
  scores: InterviewScores;
  feedback?: string;
  leverPostingId?: string;
};

export interface CandidateStatus {
  stageId: string;
  stageName: string;
  hired: boolean;
}

export class TechInterviewClient {
  private readonly http: JsonClient;

  constructor(options: PartnerOptions & { platformName: string }) {
    this.http = partnerClient(options.platformName, options);
  }

  async reportStatus(interviewId: string, status: CandidateStatus, idempotencyKey: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: `/v1/candidates/${encodeURIComponent(interviewId)}/status`,
      body: status,
      idempotencyKey,
    });
  }
}
