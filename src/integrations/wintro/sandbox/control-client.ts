// Typed control calls for the simulated Wintro: the vacancies and exclusions it holds, and an employee who
// refers a friend or Wintro notifying about an opportunity (each sends the signed callback).
import type { CallbackResult, SandboxControl } from '../../../sandbox/control-client';

export interface SandboxVacancy {
  externalId: string;
  title: string;
  exclusions: string[] | null;
}

export interface ReferralRequest {
  referralId?: string;
  leverPostingId: string;
  candidate: { name: string; email: string; phone?: string; linkedinUrl?: string };
  referrer: { name: string; email: string };
}

export function wintroControl(control: SandboxControl) {
  return {
    vacancies: () => control.request<SandboxVacancy[]>('GET', '/wintro/vacancies'),
    refer: (referral: ReferralRequest) => control.request<{ referralId: string } & CallbackResult>('POST', '/wintro/referrals', referral),
    notify: (leverOpportunityId: string, message: string) =>
      control.request<CallbackResult>('POST', '/wintro/notifications', { leverOpportunityId, message }),
    redeliverCallback: (callbackId: string, times: number) => control.redeliverCallback('wintro', callbackId, times),
  };
}

export type WintroControl = ReturnType<typeof wintroControl>;
