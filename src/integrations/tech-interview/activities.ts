import type { CandidateStatus, TechInterviewClient } from './client';

export function createTechInterviewActivities(platform: TechInterviewClient) {
  return {
    async techInterviewReportStatus(interviewId: string, status: CandidateStatus, idempotencyKey: string): Promise<void> {
      await platform.reportStatus(interviewId, status, idempotencyKey);
    },
  };
}

export type TechInterviewActivities = ReturnType<typeof createTechInterviewActivities>;
