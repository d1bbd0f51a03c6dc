import type { CandidateContact } from '../../lever/snapshot';
import type { InviteInput, WilloClient } from './client';

export interface EnsureInvitedInput {
  /** The interview titles the opportunity's tags name, in the order they are tried. */
  titles: string[];
  contact: CandidateContact;
  opportunityId: string;
  /** The invite's idempotency key, given the interview's key: a retry is the same invite. */
  idempotencyKeyPrefix: string;
  idempotencyKeySuffix: string;
}

export type EnsureInvited =
  { outcome: 'no-interview' } | { outcome: 'invited' | 'reused'; interview: { key: string; title: string }; participantKey: string };

export function createWilloActivities(willo: WilloClient) {
  const activities = {
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
    /**
     * The invite in one activity (one round trip of the process instead of three): find the interview the
     * tags name, then the participant an earlier run (or a person in Willo) already invited, else invite.
     * Safe to retry as a whole: the check comes before the invite, and the invite carries its idempotency key.
     */
    async willoEnsureInvited(input: EnsureInvitedInput): Promise<EnsureInvited> {
      const catalogue = await activities.willoListInterviews();
      const interview = input.titles.map((title) => catalogue.find((i) => i.title === title)).find((i) => i !== undefined);
      if (!interview) return { outcome: 'no-interview' };
      const existing = await activities.willoFindParticipant(interview.key, input.contact.email);
      if (existing) return { outcome: 'reused', interview, participantKey: existing.key };
      const { contact } = input;
      const invited = await activities.willoInvite(
        {
          interview: interview.key,
          first_name: contact.firstName,
          last_name: contact.lastName,
          email: contact.email,
          phone: contact.phone,
          external_id: input.opportunityId,
        },
        `${input.idempotencyKeyPrefix}${interview.key}${input.idempotencyKeySuffix}`,
      );
      return { outcome: 'invited', interview, participantKey: invited.key };
    },
  };
  return activities;
}

export type WilloActivities = ReturnType<typeof createWilloActivities>;
