import type { CandidateStatus, TechInterviewClient } from '../partners/tech-interview';

export function createTechInterviewActivities(platform: TechInterviewClient) {
  return {
    async techInterviewReportStatus(interviewId: string, status: CandidateStatus, idempotencyKey: string): Promise<void> {
      await platform.reportStatus(interviewId, status, idempotencyKey);
    },
  };
}
