import type { JoinSequenceInput, ReftyClient } from './client';

export function createReftyActivities(refty: ReftyClient) {
  return {
    async reftyJoinSequence(input: JoinSequenceInput, idempotencyKey: string): Promise<{ candidateId: string }> {
      return { candidateId: (await refty.joinSequence(input, idempotencyKey)).candidateId };
    },
    async reftyRequestStep(candidateId: string, stepId: string, idempotencyKey: string): Promise<{ requestId: string }> {
      return { requestId: (await refty.requestStep(candidateId, stepId, idempotencyKey)).requestId };
    },
    async reftyCancelRequest(requestId: string): Promise<void> {
      await refty.cancelRequest(requestId);
    },
  };
}

export type ReftyActivities = ReturnType<typeof createReftyActivities>;
