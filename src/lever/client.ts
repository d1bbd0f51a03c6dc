// Lever Data API v1 client. Every method is exactly one HTTP request, so one activity attempt spends one
// unit of the per-key rate limit that the Lever task queue enforces across all workers.
import { basicAuth, JsonClient, type CallObserver, type QueryValue } from '../http/json-client';
import type {
  CreateOpportunityBody,
  LeverArchiveReason,
  LeverItem,
  LeverNote,
  LeverOpportunity,
  LeverPage,
  LeverPosting,
  LeverStage,
  LeverUser,
  LeverWebhook,
} from './types';

export interface LeverClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  observe?: CallObserver;
  /** Awaited before each request, outside its timeout (a turn on the Lever queue, for requests made outside an activity). */
  beforeRequest?: () => Promise<void>;
}

export interface PageRequest {
  /** The opaque `next` value of the previous page. */
  offset?: string;
  limit?: number;
}

export interface OpportunityFilter extends PageRequest {
  email?: string;
  posting_id?: string;
  tag?: string;
  stage_id?: string;
  contact_id?: string;
  archived?: boolean;
  /** Epoch ms: opportunities updated at or after (the basis of a sweep). */
  updated_at_start?: number;
  /** Epoch ms: opportunities created at or after. */
  created_at_start?: number;
  /** `applications`: each opportunity's posting comes with it, so a listed opportunity is a whole snapshot. */
  expand?: 'applications';
}

export interface NoteInput {
  value: string;
  secret?: boolean;
  score?: number;
}

const id = (value: string) => encodeURIComponent(value);

export class LeverClient {
  private readonly http: JsonClient;

  constructor(options: LeverClientOptions) {
    this.http = new JsonClient({
      service: 'Lever',
      baseUrl: options.baseUrl,
      authorization: basicAuth(options.apiKey),
      timeoutMs: options.timeoutMs,
      fetchImpl: options.fetchImpl,
      observe: options.observe,
      beforeRequest: options.beforeRequest,
    });
  }

  /** Applications expanded: an opportunity's posting is visible only there. */
  async getOpportunity(opportunityId: string): Promise<LeverOpportunity> {
    const res = await this.http.request<LeverItem<LeverOpportunity>>({
      method: 'GET',
      path: `/opportunities/${id(opportunityId)}`,
      query: { expand: 'applications' },
    });
    return res.data;
  }

  listOpportunities(filter: OpportunityFilter): Promise<LeverPage<LeverOpportunity>> {
    return this.http.request({ method: 'GET', path: '/opportunities', query: { ...(filter as Record<string, QueryValue>) } });
  }

  async createOpportunity(body: CreateOpportunityBody, performAs: string): Promise<LeverOpportunity> {
    const res = await this.http.request<LeverItem<LeverOpportunity>>({
      method: 'POST',
      path: '/opportunities',
      query: { perform_as: performAs },
      body,
    });
    return res.data;
  }

  async addTags(opportunityId: string, tags: string[], performAs?: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: `/opportunities/${id(opportunityId)}/addTags`,
      query: { perform_as: performAs },
      body: { tags },
    });
  }

  async removeTags(opportunityId: string, tags: string[], performAs?: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: `/opportunities/${id(opportunityId)}/removeTags`,
      query: { perform_as: performAs },
      body: { tags },
    });
  }

  async addNote(opportunityId: string, note: NoteInput, performAs?: string): Promise<string> {
    const res = await this.http.request<LeverItem<{ noteId: string }>>({
      method: 'POST',
      path: `/opportunities/${id(opportunityId)}/notes`,
      query: { perform_as: performAs },
      body: note,
    });
    return res.data.noteId;
  }

  listNotes(opportunityId: string, page: PageRequest = {}): Promise<LeverPage<LeverNote>> {
    return this.http.request({ method: 'GET', path: `/opportunities/${id(opportunityId)}/notes`, query: { ...page } });
  }

  async getPosting(postingId: string): Promise<LeverPosting> {
    const res = await this.http.request<LeverItem<LeverPosting>>({ method: 'GET', path: `/postings/${id(postingId)}` });
    return res.data;
  }

  /** Without both channels Lever returns only public-site postings for `state=published`. */
  listPublishedPostings(page: PageRequest = {}): Promise<LeverPage<LeverPosting>> {
    return this.http.request({
      method: 'GET',
      path: '/postings',
      query: { state: 'published', distributionChannel: ['public', 'internal'], ...page },
    });
  }

  /**
   * Every posting the key may see (any state), for choosing postings in the console. `confidentiality`
   * asks for confidential postings too (`all`) or only (`confidential`): Lever hides them from a key
   * without confidential access (whether it then answers 403 or an empty list is unconfirmed).
   */
  listPostings(page: PageRequest = {}, filter: { confidentiality?: 'confidential' | 'all' } = {}): Promise<LeverPage<LeverPosting>> {
    return this.http.request({ method: 'GET', path: '/postings', query: { ...page, ...filter } });
  }

  async getStage(stageId: string): Promise<LeverStage> {
    const res = await this.http.request<LeverItem<LeverStage>>({ method: 'GET', path: `/stages/${id(stageId)}` });
    return res.data;
  }

  listStages(page: PageRequest = {}): Promise<LeverPage<LeverStage>> {
    return this.http.request({ method: 'GET', path: '/stages', query: { ...page } });
  }

  /** Exact match on the canonical email; deactivated users only when asked for. */
  listUsersByEmail(email: string, options: { includeDeactivated?: boolean } = {}): Promise<LeverPage<LeverUser>> {
    return this.http.request({
      method: 'GET',
      path: '/users',
      query: { email, ...(options.includeDeactivated ? { includeDeactivated: true } : {}) },
    });
  }

  /** Every user, deactivated ones included, for choosing a perform-as user in the console. */
  listUsers(page: PageRequest = {}): Promise<LeverPage<LeverUser>> {
    return this.http.request({ method: 'GET', path: '/users', query: { includeDeactivated: true, ...page } });
  }

  listArchiveReasons(type: 'hired' | 'non-hired'): Promise<LeverPage<LeverArchiveReason>> {
    return this.http.request({ method: 'GET', path: '/archive_reasons', query: { type } });
  }

  /** Needs the `webhooks:read:admin` scope. */
  listWebhooks(page: PageRequest = {}): Promise<LeverPage<LeverWebhook>> {
    return this.http.request({ method: 'GET', path: '/webhooks', query: { ...page } });
  }

  /** Needs `webhooks:write:admin`. Lever's example answers `{data: {data: ...}}`; both shapes are accepted. */
  async createWebhook(webhook: { url: string; event: string }): Promise<LeverWebhook> {
    const res = await this.http.request<LeverItem<LeverWebhook | LeverItem<LeverWebhook>>>({
      method: 'POST',
      path: '/webhooks',
      body: webhook,
    });
    return 'data' in res.data ? res.data.data : res.data;
  }

  async updateWebhooks(updates: { id: string; url?: string; enabled?: boolean }[]): Promise<void> {
    await this.http.request({ method: 'PUT', path: '/webhooks', body: { data: updates } });
  }

  async deleteWebhook(webhookId: string): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `/webhooks/${id(webhookId)}` });
  }

  async getUser(userId: string): Promise<LeverUser> {
    const res = await this.http.request<LeverItem<LeverUser>>({ method: 'GET', path: `/users/${id(userId)}` });
    return res.data;
  }
}
