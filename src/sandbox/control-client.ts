// Typed calls to the sandbox's control API: what the humans do (apply, hire, submit the survey) and
// what the demo and tests read back (opportunity state, screenings, request logs). Plain HTTP only.

export interface SandboxOpportunity {
  id: string;
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
    return this.call<{ statuses: number[] }>('POST', `/hrlogics/callbacks/${callbackId}/redeliver`, { times });
  }
  faults(service: 'lever' | 'hrlogics', faults: { errorRate?: number; latencyMs?: number; force429?: number; force5xx?: number }) {
    return this.call('PUT', `/faults/${service}`, faults);
  }
  clearFaults(service: 'lever' | 'hrlogics') {
    return this.call('DELETE', `/faults/${service}`);
  }
}
