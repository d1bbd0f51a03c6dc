// Typed calls to the sandbox's control API: what the humans do (apply, hire, submit the survey) and
// what the demo and tests read back (opportunity state, screenings, request logs). Plain HTTP only.

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

export type ControlledService = 'lever' | 'hrlogics' | 'wintro' | 'tech-interview';

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

type CallbackAnswer = { callbackId: string; status: number; body: unknown };

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
    return this.call<{ deliveryId: string; event: string; delivered: boolean; attempts: { status?: number }[] }[]>('GET', `/lever/deliveries?${qs}`);
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
  redeliverCallback(callbackId: string, times: number) {
    return this.redeliverPartnerCallback('hrlogics', callbackId, times);
  }
  opportunities() {
    return this.call<SandboxOpportunity[]>('GET', '/lever/opportunities');
  }
  moveStage(id: string, stageId: string) {
    return this.call<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/stage`, { stageId });
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
  wintroRequests() {
    return this.call<LoggedRequest[]>('GET', '/wintro/requests');
  }
  /** Sends a partner callback again, exactly as first signed (a duplicate delivery). */
  redeliverPartnerCallback(service: 'hrlogics' | 'wintro' | 'tech-interview', callbackId: string, times: number) {
    return this.call<{ statuses: number[] }>('POST', `/${service}/callbacks/${callbackId}/redeliver`, { times });
  }
  completeInterview(interview: InterviewRequest) {
    return this.call<{ interviewId: string } & CallbackAnswer>('POST', '/tech-interview/interviews', interview);
  }
  interviewStatuses(interviewId: string) {
    return this.call<{ stageId: string; stageName: string; hired: boolean; idempotencyKey?: string }[]>('GET', `/tech-interview/interviews/${encodeURIComponent(interviewId)}/statuses`);
  }
  faults(service: ControlledService, faults: FaultRequest) {
    return this.call('PUT', `/faults/${service}`, faults);
  }
  clearFaults(service: ControlledService) {
    return this.call('DELETE', `/faults/${service}`);
  }
}
