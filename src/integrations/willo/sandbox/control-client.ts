// Typed control calls for the simulated Willo: the interview catalogue, the participants it holds, and the
// candidate (finishes the video) and reviewer (moves the participant), each sending the signed callback.
import type { CallbackResult, SandboxControl } from '../../../sandbox/control-client';

export interface SandboxParticipant {
  key: string;
  interview: string;
  external_id: string;
  status: 'invited' | 'responded' | 'withdrawn';
  stage: string | null;
  idempotencyKey: string | null;
}

export function willoControl(control: SandboxControl) {
  return {
    interviews: () => control.request<{ key: string; title: string }[]>('GET', '/willo/interviews'),
    addInterview: (title: string) => control.request<{ key: string; title: string }>('POST', '/willo/interviews', { title }),
    participants: (externalId: string) =>
      control.request<SandboxParticipant[]>('GET', `/willo/participants?externalId=${encodeURIComponent(externalId)}`),
    /** The candidate finishes recording: Willo calls back `new_response`. */
    finishVideo: (participantKey: string) => control.request<CallbackResult>('POST', `/willo/participants/${participantKey}/respond`),
    /** The reviewer moves the participant to a Willo stage: Willo calls back `stage_change`. */
    reviewVideo: (participantKey: string, stage: string) =>
      control.request<CallbackResult>('POST', `/willo/participants/${participantKey}/review`, { stage }),
    redeliverCallback: (callbackId: string, times: number) => control.redeliverCallback('willo', callbackId, times),
  };
}

export type WilloControl = ReturnType<typeof willoControl>;
