// What the simulated technical-interview platform holds: the interviews it reported and every status
// the relay sent back for them.
import type { CandidateStatus, InterviewCompleted } from '../client';

export interface ReportedStatus extends CandidateStatus {
  at: number;
  idempotencyKey?: string;
}

export class TechInterviewStore {
  readonly interviews = new Map<string, Omit<InterviewCompleted, 'type'>>();
  readonly statuses = new Map<string, ReportedStatus[]>();

  report(interviewId: string, status: CandidateStatus, idempotencyKey?: string): ReportedStatus {
    const reported = { ...status, at: Date.now(), ...(idempotencyKey ? { idempotencyKey } : {}) };
    this.statuses.set(interviewId, [...(this.statuses.get(interviewId) ?? []), reported]);
    return reported;
  }

  statusesOf(interviewId: string): ReportedStatus[] {
    return this.statuses.get(interviewId) ?? [];
  }
}
