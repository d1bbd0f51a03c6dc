// Typed control calls for the simulated technical-interview platform: an interviewer finishes an
// interview (the platform sends `interview.completed`), and the statuses the relay reported back.
import type { CallbackResult, SandboxControl } from '../../../sandbox/control-client';

export interface InterviewRequest {
  interviewId?: string;
  outcome: 'advance' | 'no_advance';
  candidate: { anonymous: false; name: string; email: string; linkedinUrl?: string } | { anonymous: true; pseudonym: string };
  interviewer: { name: string; leverUserEmail?: string };
  scores: { technical: number; communication: number; problemSolving: number };
  feedback?: string;
  leverPostingId?: string;
}

export interface ReportedStatus {
  stageId: string;
  stageName: string;
  hired: boolean;
  idempotencyKey?: string;
}

export function techInterviewControl(control: SandboxControl) {
  return {
    completeInterview: (interview: InterviewRequest) =>
      control.request<{ interviewId: string } & CallbackResult>('POST', '/tech-interview/interviews', interview),
    statuses: (interviewId: string) =>
      control.request<ReportedStatus[]>('GET', `/tech-interview/interviews/${encodeURIComponent(interviewId)}/statuses`),
    redeliverCallback: (callbackId: string, times: number) => control.redeliverCallback('tech-interview', callbackId, times),
  };
}

export type TechInterviewControl = ReturnType<typeof techInterviewControl>;
