import type { CreateScreeningInput, HireInput, HrlogicsClient } from './client';

export function createHrlogicsActivities(hrlogics: HrlogicsClient) {
  return {
    async hrlogicsCreateScreening(input: CreateScreeningInput, idempotencyKey: string): Promise<{ screeningId: string }> {
      const screening = await hrlogics.createScreening(input, idempotencyKey);
      // The survey URL is personal to the applicant: keep it out of workflow history.
      return { screeningId: screening.screeningId };
    },
    async hrlogicsSendReminder(screeningId: string, idempotencyKey: string): Promise<void> {
      await hrlogics.sendReminder(screeningId, idempotencyKey);
    },
    async hrlogicsReportHire(screeningId: string, hire: HireInput, idempotencyKey: string): Promise<void> {
      await hrlogics.reportHire(screeningId, hire, idempotencyKey);
    },
    async hrlogicsCancelScreening(screeningId: string): Promise<void> {
      await hrlogics.cancelScreening(screeningId);
    },
  };
}

export type HrlogicsActivities = ReturnType<typeof createHrlogicsActivities>;
