// Typed calls to the sandbox's control API: what the people using Lever do (apply, move, hire, archive)
// and what the demo and tests read back (opportunities, deliveries, request logs, faults). Each
// integration's simulator has its own control client in its folder (`<name>/sandbox/control-client.ts`)
// built on `request`. Plain HTTP only.
import type { LeverDelivery } from './lever/webhooks';
import type { Attempt } from './outbox';

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

export type CallbackResult = { callbackId: string; status: number; body: unknown };

export interface SentCallback {
  callbackId: string;
  type: string;
  /** The exact JSON sent. */
  body: string;
  delivered: boolean;
  attempts: Attempt[];
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  status: number;
}

export interface FaultRequest {
  errorRate?: number;
  latencyMs?: number;
  force429?: number;
  force5xx?: number;
  /** The next N requests are carried out, then the connection is cut: the answer is lost. */
  dropResponses?: number;
  /** Every request refused with 401 (a revoked key) or 403 (a key without access) until cleared. */
  refuseKey?: 401 | 403;
  /** Only requests whose `METHOD /path` matches this regular expression. */
  only?: string;
}

export type { LeverDelivery } from './lever/webhooks';

export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  /** One control call: `/_control<path>`; a non-2xx answer throws with the sandbox's message. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
    return this.request<{ opportunityId: string; deliveryIds: string[] }>('POST', '/lever/applications', candidate);
  }
  opportunity(id: string) {
    return this.request<SandboxOpportunity>('GET', `/lever/opportunities/${id}`);
  }
  opportunities() {
    return this.request<SandboxOpportunity[]>('GET', '/lever/opportunities');
  }
  moveStage(id: string, stageId: string) {
    return this.request<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/stage`, { stageId });
  }
  setConfidentiality(postingId: string, confidentiality: 'confidential' | 'non-confidential') {
    return this.request<{ id: string; confidentiality: string }>('PUT', `/lever/postings/${postingId}/confidentiality`, {
      confidentiality,
    });
  }
  /** A partner signs its callbacks with another secret (rotated on its side only), or with the configured one again (undefined). */
  signCallbacksWith(service: string, secret?: string) {
    return secret === undefined
      ? this.request<{ signing: string }>('DELETE', `/${service}/callbacks/secret`)
      : this.request<{ signing: string }>('PUT', `/${service}/callbacks/secret`, { secret });
  }
  /** Gives the relay's Lever key confidential access, or takes it away. */
  setLeverConfidentialAccess(confidential: boolean) {
    return this.request<{ confidential: boolean }>('PUT', '/lever/confidential-access', { confidential });
  }
  setUserRole(userId: string, accessRole: string) {
    return this.request<{ id: string; accessRole: string }>('PUT', `/lever/users/${userId}`, { accessRole });
  }
  tagPosting(postingId: string, tags: string[]) {
    return this.request<{ id: string; tags: string[] }>('POST', `/lever/postings/${postingId}/tags`, { tags });
  }
  hire(id: string) {
    return this.request<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/hire`);
  }
  /** `reason` null unarchives. */
  archive(id: string, reason?: string | null) {
    return this.request<{ deliveryIds: string[] }>('POST', `/lever/opportunities/${id}/archive`, reason === undefined ? {} : { reason });
  }
  deleteOpportunity(id: string) {
    return this.request<{ deliveryIds: string[] }>('DELETE', `/lever/opportunities/${id}`);
  }
  bulkPostings(request: { count: number; applicantsPerPosting?: number; applicantsOnFirst?: number }) {
    return this.request<{ postings: { id: string; state: string; distributionChannels: string[] }[]; opportunities: number }>(
      'POST',
      '/lever/postings/bulk',
      request,
    );
  }
  deliveries(query: { event?: string; opportunityId?: string } = {}) {
    const qs = new URLSearchParams(query as Record<string, string>).toString();
    return this.request<LeverDelivery[]>('GET', `/lever/deliveries?${qs}`);
  }
  redeliver(deliveryId: string, times: number) {
    return this.request<{ statuses: number[] }>('POST', `/lever/deliveries/${deliveryId}/redeliver`, { times });
  }
  sendWebhook(event: string, data: Record<string, unknown>, triggeredAt?: number) {
    return this.request<{ status: number; body: unknown }>('POST', '/lever/webhooks/send', {
      event,
      data,
      ...(triggeredAt ? { triggeredAt } : {}),
    });
  }
  leverRequests() {
    return this.request<LoggedRequest[]>('GET', '/lever/requests');
  }
  /** The HTTP requests a simulated partner received (`hrlogics`, `willo`...). */
  partnerRequests(service: string) {
    return this.request<LoggedRequest[]>('GET', `/${service}/requests`);
  }
  /** The callbacks a simulated partner has sent the relay, each with its exact body and its delivery attempts. */
  partnerCallbacks(service: string) {
    return this.request<SentCallback[]>('GET', `/${service}/callbacks`);
  }
  /** Sends a partner callback again, exactly as first signed (a duplicate delivery). */
  redeliverCallback(service: string, callbackId: string, times: number) {
    return this.request<{ statuses: number[] }>('POST', `/${service}/callbacks/${callbackId}/redeliver`, { times });
  }
  /** `lever` or a partner's name. */
  faults(service: string, faults: FaultRequest) {
    return this.request('PUT', `/faults/${service}`, faults);
  }
  clearFaults(service: string) {
    return this.request('DELETE', `/faults/${service}`);
  }
}
