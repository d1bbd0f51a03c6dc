// Typed calls to the sandbox's control API: what the humans do (apply, move, hire, submit the survey,
// record the video, review it, answer a reference request) and what the demo and tests read back
// (opportunity state, screenings, participants, requests, request logs). Plain HTTP only.

export interface SandboxOpportunity {
  id: string;
  name: string;
  emails: string[];
  links: string[];
  stage: string;
  origin: string;
  owner: string | null;
  sources: string[];
  applications: { id: string; posting: string | null }[];
  tags: string[];
  archived: { archivedAt: number; reason: string } | null;
  notes: { id: string; value: string; secret?: boolean }[];
}

export interface SandboxScreening {
  screeningId: string;
  externalId: string;
  status: string;
  reminders: number;
  hire: { startDate: string } | null;
}

export interface SandboxParticipant {
  key: string;
  interview: string;
  external_id: string;
  status: 'invited' | 'responded' | 'withdrawn';
  stage: string | null;
  idempotencyKey: string | null;
}

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

export type CallbackResult = { callbackId: string; status: number; body: unknown };


export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  status: number;
}

export interface SandboxVacancy {
  externalId: string;
  title: string;
  exclusions: string[] | null;
}

export type SandboxService = 'lever' | 'hrlogics' | 'willo' | 'refty' | 'wintro' | 'tech-interview';
export type PartnerService = Exclude<SandboxService, 'lever'>;

export interface FaultRequest {
  errorRate?: number;
  latencyMs?: number;
  force429?: number;
  force5xx?: number;
  /** The next N requests are carried out, then the connection is cut: the answer is lost. */
  dropResponses?: number;
  /** Only requests whose `METHOD /path` matches this regular expression. */
  only?: string;
}

type CallbackAnswer = CallbackResult;

export interface InterviewRequest {
  interviewId?: string;
  outcome: 'advance' | 'no_advance';
  candidate: { anonymous: false; name: string; email: string; linkedinUrl?: string } | { anonymous: true; pseudonym: string };
  interviewer: { name: string; leverUserEmail?: string };
  scores: { technical: number; communication: number; problemSolving: number };
  feedback?: string;
  leverPostingId?: string;
}

export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  apply(candidate: { name: string; email?: string; phone?: string; postingId?: string }) {
    return this.call<{ opportunityId: string; deliveryIds: string[] }>('POST', '/lever/applications', candidate);
  }
  opportunity(id: string) {
    return this.call<SandboxOpportunity>('GET', `/lever/opportunities/${id}`);
  }
  moveStage(id: string, stageId: string) {
    return this.call<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/stage`, { stageId });
  }
  tagPosting(postingId: string, tags: string[]) {
    return this.call<{ id: string; tags: string[] }>('POST', `/lever/postings/${postingId}/tags`, { tags });
  }
  hire(id: string) {
    return this.call<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/hire`);
  }
  archive(id: string, reason?: string) {
    return this.call<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/archive`, reason ? { reason } : {});
  }
  deleteOpportunity(id: string) {
    return this.call<{ deliveryIds: string[] }>('DELETE', `/lever/opportunities/${id}`);
  }
  deliveries(query: { event?: string; opportunityId?: string } = {}) {
    const qs = new URLSearchParams(query as Record<string, string>).toString();
    return this.call<{ deliveryId: string; event: string; delivered: boolean; attempts: { status?: number }[]; body: string }[]>('GET', `/lever/deliveries?${qs}`);
  }
  redeliver(deliveryId: string, times: number) {
    return this.call<{ statuses: number[] }>('POST', `/lever/deliveries/${deliveryId}/redeliver`, { times });
  }
  sendWebhook(event: string, data: Record<string, unknown>) {
    return this.call<{ status: number; body: unknown }>('POST', '/lever/webhooks/send', { event, data });
  }
  leverRequests() {
    return this.call<LoggedRequest[]>('GET', '/lever/requests');
  }
  screenings(externalId: string) {
    return this.call<SandboxScreening[]>('GET', `/hrlogics/screenings?externalId=${encodeURIComponent(externalId)}`);
  }
  completeSurvey(screeningId: string, result: 'pre_qualified' | 'not_qualified') {
    return this.call<{ callbackId: string; status: number; body: unknown }>('POST', `/hrlogics/screenings/${screeningId}/complete`, { result, targetGroups: ['snap'] });
  }
  expireSurvey(screeningId: string) {
    return this.call<{ callbackId: string; status: number; body: unknown }>('POST', `/hrlogics/screenings/${screeningId}/expire`);
  }
  redeliverCallback(callbackId: string, times: number, service: PartnerService = 'hrlogics') {
    return this.redeliverPartnerCallback(service, callbackId, times);
  }
  partnerRequests(service: PartnerService) {
    return this.call<LoggedRequest[]>('GET', `/${service}/requests`);
  }
  willoInterviews() {
    return this.call<{ key: string; title: string }[]>('GET', '/willo/interviews');
  }
  addWilloInterview(title: string) {
    return this.call<{ key: string; title: string }>('POST', '/willo/interviews', { title });
  }
  participants(externalId: string) {
    return this.call<SandboxParticipant[]>('GET', `/willo/participants?externalId=${encodeURIComponent(externalId)}`);
  }
  /** The candidate finishes recording: Willo calls back `new_response`. */
  finishVideo(participantKey: string) {
    return this.call<CallbackResult>('POST', `/willo/participants/${participantKey}/respond`);
  }
  /** The reviewer moves the participant to a Willo stage: Willo calls back `stage_change`. */
  reviewVideo(participantKey: string, stage: string) {
    return this.call<CallbackResult>('POST', `/willo/participants/${participantKey}/review`, { stage });
  }
  reftyCandidates(externalId: string) {
    return this.call<SandboxReftyCandidate[]>('GET', `/refty/candidates?externalId=${encodeURIComponent(externalId)}`);
  }
  reftyRequests(externalId: string) {
    return this.call<SandboxReftyRequest[]>('GET', `/refty/step-requests?externalId=${encodeURIComponent(externalId)}`);
  }
  /** The candidate or referee answers (`complete`), lets the request lapse (`expire`) or refuses (`decline`). */
  finishReftyRequest(requestId: string, outcome: 'complete' | 'expire' | 'decline') {
    return this.call<CallbackResult>('POST', `/refty/step-requests/${requestId}/${outcome}`);
  }
  opportunities() {
    return this.call<SandboxOpportunity[]>('GET', '/lever/opportunities');
  }
  bulkPostings(request: { count: number; applicantsPerPosting?: number; applicantsOnFirst?: number }) {
    return this.call<{ postings: { id: string; state: string; distributionChannels: string[] }[]; opportunities: number }>('POST', '/lever/postings/bulk', request);
  }
  vacancies() {
    return this.call<SandboxVacancy[]>('GET', '/wintro/vacancies');
  }
  refer(referral: { referralId?: string; leverPostingId: string; candidate: { name: string; email: string; phone?: string; linkedinUrl?: string }; referrer: { name: string; email: string } }) {
    return this.call<{ referralId: string } & CallbackAnswer>('POST', '/wintro/referrals', referral);
  }
  wintroNotification(leverOpportunityId: string, message: string) {
    return this.call<CallbackAnswer>('POST', '/wintro/notifications', { leverOpportunityId, message });
  }
  /** Sends a partner callback again, exactly as first signed (a duplicate delivery). */
  redeliverPartnerCallback(service: PartnerService, callbackId: string, times: number) {
    return this.call<{ statuses: number[] }>('POST', `/${service}/callbacks/${callbackId}/redeliver`, { times });
  }
  completeInterview(interview: InterviewRequest) {
    return this.call<{ interviewId: string } & CallbackAnswer>('POST', '/tech-interview/interviews', interview);
  }
  interviewStatuses(interviewId: string) {
    return this.call<{ stageId: string; stageName: string; hired: boolean; idempotencyKey?: string }[]>('GET', `/tech-interview/interviews/${encodeURIComponent(interviewId)}/statuses`);
  }
  faults(service: SandboxService, faults: FaultRequest) {
    return this.call('PUT', `/faults/${service}`, faults);
  }
  clearFaults(service: SandboxService) {
    return this.call('DELETE', `/faults/${service}`);
  }
}
