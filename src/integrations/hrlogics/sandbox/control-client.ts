// Typed control calls for the simulated HRLogics: the screenings it holds, and the applicant who submits
// the survey or lets it lapse (each sends the signed callback to the relay).
import type { CallbackResult, SandboxControl } from '../../../sandbox/control-client';

export interface SandboxScreening {
  screeningId: string;
  externalId: string;
  status: string;
  reminders: number;
  hire: { startDate: string } | null;
  idempotencyKeys: string[];
}

export function hrlogicsControl(control: SandboxControl) {
  return {
    /** Every screening HRLogics holds. */
    allScreenings: () => control.request<SandboxScreening[]>('GET', '/hrlogics/screenings'),
    screenings: (externalId: string) =>
      control.request<SandboxScreening[]>('GET', `/hrlogics/screenings?externalId=${encodeURIComponent(externalId)}`),
    completeSurvey: (screeningId: string, result: 'pre_qualified' | 'not_qualified') =>
      control.request<CallbackResult>('POST', `/hrlogics/screenings/${screeningId}/complete`, { result, targetGroups: ['snap'] }),
    expireSurvey: (screeningId: string) => control.request<CallbackResult>('POST', `/hrlogics/screenings/${screeningId}/expire`),
    redeliverCallback: (callbackId: string, times: number) => control.redeliverCallback('hrlogics', callbackId, times),
  };
}

export type HrlogicsControl = ReturnType<typeof hrlogicsControl>;
