// Typed control calls for the simulated Refty: the candidates and step requests it holds, and the
// candidate or referee who completes, lets expire or declines a request (sending the signed callback).
import type { CallbackResult, SandboxControl } from '../../../sandbox/control-client';

export interface SandboxReftyCandidate {
  candidateId: string;
  externalId: string;
  sequenceId: string;
  language: string;
}

export interface SandboxReftyRequest {
  requestId: string;
  candidateId: string;
  externalId: string;
  stepId: string;
  status: 'sent' | 'completed' | 'expired' | 'declined' | 'cancelled';
  reportUrl: string | null;
  idempotencyKey: string | null;
}

export function reftyControl(control: SandboxControl) {
  return {
    candidates: (externalId: string) =>
      control.request<SandboxReftyCandidate[]>('GET', `/refty/candidates?externalId=${encodeURIComponent(externalId)}`),
    requests: (externalId: string) =>
      control.request<SandboxReftyRequest[]>('GET', `/refty/step-requests?externalId=${encodeURIComponent(externalId)}`),
    /** The candidate or referee answers (`complete`), lets the request lapse (`expire`) or refuses (`decline`). */
    finish: (requestId: string, outcome: 'complete' | 'expire' | 'decline') =>
      control.request<CallbackResult>('POST', `/refty/step-requests/${requestId}/${outcome}`),
    redeliverCallback: (callbackId: string, times: number) => control.redeliverCallback('refty', callbackId, times),
  };
}

export type ReftyControl = ReturnType<typeof reftyControl>;
