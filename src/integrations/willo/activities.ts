import type { InviteInput, WilloClient } from './client';

export function createWilloActivities(willo: WilloClient) {
  return {
    /** Only what tags name: key and title. */
    async willoListInterviews(): Promise<{ key: string; title: string }[]> {
      return (await willo.listInterviews()).map(({ key, title }) => ({ key, title }));
    },
    /** The participant already invited to `interview` with this email, if any. */
    async willoFindParticipant(interview: string, email: string): Promise<{ key: string; status: string } | undefined> {
      const found = (await willo.findParticipants(interview, email)).find((p) => p.interview === undefined || p.interview === interview);
      return found ? { key: found.key, status: found.status } : undefined;
    },
    async willoInvite(input: InviteInput, idempotencyKey: string): Promise<{ key: string }> {
      return { key: (await willo.invite(input, idempotencyKey)).key };
    },
    async willoWithdraw(participantKey: string): Promise<void> {
      await willo.withdraw(participantKey);
    },
  };
}

export type WilloActivities = ReturnType<typeof createWilloActivities>;
