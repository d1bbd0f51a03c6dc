// A small fetch wrapper shared by the Lever client and every partner adapter: auth header, JSON in and
// out, a timeout, and failures classified by ./errors so no adapter decides retryability on its own.
import { classifyHttpStatus, classifyNetworkError } from './errors';
import { HTTP_FAILURE } from './failure-types';

export type QueryValue = string | number | boolean | undefined | readonly (string | number | boolean)[];

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  idempotencyKey?: string;
}

/** One finished call, for metrics: never ids or bodies, only the route's shape and the outcome. */
export interface CallObservation {
  service: string;
  method: string;
  /** The path with its ids replaced by `:id` (`/opportunities/:id/addTags`). */
  route: string;
  /** The HTTP status, or `network` when no answer came. */
  status: number | 'network';
}

export type CallObserver = (call: CallObservation) => void;

export interface JsonClientOptions {
  service: string;
  baseUrl: string;
  authorization: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  observe?: CallObserver;
  /** Awaited before each request, outside its timeout: a turn at the service's rate (see lever/turn-taking-client). */
  beforeRequest?: () => Promise<void>;
}

/**
 * A path's shape for a metric label: words stay (`opportunities`, `addTags`, `v1`), anything else is an id.
 * Lever's and the partners' ids are UUIDs or carry digits or dashes; a plain-word stage id would stay, and
 * there are few of those.
 */
export function routeOf(path: string): string {
  return path.replace(/[^/]+/g, (segment) => (/^([A-Za-z_]{1,24}|v\d+)$/.test(segment) ? segment : ':id'));
}

/** How every partner adapter is reached: base URL and key from its configuration section. */
export interface PartnerOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  observe?: CallObserver;
}

export class JsonClient {
  constructor(private readonly options: JsonClientOptions) {}

  async request<T>(req: JsonRequest): Promise<T> {
    const { service, baseUrl, authorization, timeoutMs = 15_000, fetchImpl = fetch } = this.options;
    const url = new URL(baseUrl + req.path);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;

    await this.options.beforeRequest?.();
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      this.options.observe?.({ service, method: req.method, route: routeOf(req.path), status: 'network' });
      throw classifyNetworkError(service, req.method, req.path, error);
    }
    this.options.observe?.({ service, method: req.method, route: routeOf(req.path), status: response.status });
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw classifyHttpStatus({
        service,
        method: req.method,
        path: req.path,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        code: errorCode(text),
      });
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** DELETE that treats 404/410 as success: removing what the other side no longer has is already done. */
  async deleteIfPresent(path: string): Promise<void> {
    try {
      await this.request({ method: 'DELETE', path });
    } catch (error) {
      if ((error as { type?: string }).type !== HTTP_FAILURE.notFound) throw error;
    }
  }
}

/** Pulls only the machine-readable code out of an error body: messages may echo personal data. */
function errorCode(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { code?: unknown; error?: unknown };
    const code = body.code ?? body.error;
    return typeof code === 'string' ? code.slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

export function basicAuth(username: string, password = ''): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** A client for a partner that takes `Authorization: <prefix> <key>` (Bearer unless told otherwise). */
export function partnerClient(service: string, options: PartnerOptions, authPrefix = 'Bearer'): JsonClient {
  return new JsonClient({
    service,
    baseUrl: options.baseUrl,
    authorization: `${authPrefix} ${options.apiKey}`,
    timeoutMs: options.timeoutMs,
    observe: options.observe,
  });
}
