// Fault injection per simulated service: latency, random 500s, and a number of forced 429s or 503s.
// It sits after the request log and before auth, so a faulted request is still counted, with its status,
// and an outage looks the same whatever the credentials.
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { controlErrors, parseWith, SimError, sleep, type ErrorFormat } from './http';

export interface FaultSettings {
  /** Share of requests answered 500, 0..1. */
  errorRate: number;
  latencyMs: number;
  /** The next N requests are answered 429. */
  force429: number;
  /** The next N requests are answered 503. */
  force5xx: number;
  /**
   * The next N requests are carried out, then the connection is cut instead of answering: the client
   * cannot tell whether the write happened (a timeout or crash at the worst moment).
   */
  dropResponses: number;
  /**
   * Every request is refused as if the key were revoked (401) or had lost its access (403), until cleared:
   * a person changed the key on the other side.
   */
  refuseKey?: 401 | 403;
  /** Only requests whose `METHOD /path` matches this regular expression are faulted. */
  only?: string;
}

const NO_FAULTS: FaultSettings = { errorRate: 0, latencyMs: 0, force429: 0, force5xx: 0, dropResponses: 0 };

const count = z.number().int().min(0);
const settingsBody = z.strictObject({
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: count.max(120_000).optional(),
  force429: count.optional(),
  force5xx: count.optional(),
  dropResponses: count.optional(),
  refuseKey: z.union([z.literal(401), z.literal(403)]).optional(),
  only: z
    .string()
    .min(1)
    .refine((v) => {
      try {
        new RegExp(v);
        return true;
      } catch {
        return false;
      }
    }, 'must be a regular expression')
    .optional(),
});

export class Faults {
  private readonly settings = new Map<string, FaultSettings>();

  constructor(
    readonly services: readonly string[],
    private readonly random: () => number = Math.random,
  ) {
    for (const service of services) this.settings.set(service, { ...NO_FAULTS });
  }

  get(service: string): FaultSettings {
    return this.require(service);
  }

  /** Replaces the service's settings (PUT semantics): fields left out are off. */
  set(service: string, settings: Partial<FaultSettings>): FaultSettings {
    this.require(service);
    const next = { ...NO_FAULTS, ...settings };
    this.settings.set(service, next);
    return next;
  }

  reset(service: string): void {
    this.set(service, {});
  }

  middleware(service: string, format: ErrorFormat): RequestHandler {
    const settings = () => this.require(service);
    return async (req, res, next) => {
      const { only } = settings();
      if (only !== undefined && !new RegExp(only).test(`${req.method} ${req.path}`)) return next();
      const { latencyMs } = settings();
      if (latencyMs > 0) await sleep(latencyMs);
      // Read again after the wait: a test may have changed the settings meanwhile.
      const current = settings();
      if (current.refuseKey !== undefined) {
        throw new SimError(current.refuseKey, {
          code: current.refuseKey === 401 ? 'Unauthorized' : 'Forbidden',
          error: current.refuseKey === 401 ? 'unauthorized' : 'forbidden',
          message: current.refuseKey === 401 ? 'the API key was revoked' : 'the API key lacks access',
        });
      }
      if (current.force429 > 0) {
        current.force429 -= 1;
        throw format.rateLimited();
      }
      if (current.force5xx > 0) {
        current.force5xx -= 1;
        throw format.unavailable();
      }
      if (current.errorRate > 0 && this.random() < current.errorRate) throw format.internal('injected fault');
      if (current.dropResponses > 0) {
        current.dropResponses -= 1;
        res.send = (() => {
          req.socket.destroy();
          return res;
        }) as typeof res.send;
      }
      next();
    };
  }

  /** `GET /`, `PUT /:service`, `DELETE /:service`; mounted at `/_control/faults`. */
  controlRoutes(): Router {
    const router = Router();
    router.get('/', (_req, res) => void res.json(Object.fromEntries(this.settings)));
    router.put('/:service', express.json(), (req, res) => {
      const service = this.known(req.params.service);
      res.json(this.set(service, parseWith(settingsBody, req.body, controlErrors)));
    });
    router.delete('/:service', (req, res) => {
      const service = this.known(req.params.service);
      this.reset(service);
      res.json(this.get(service));
    });
    return router;
  }

  private known(service: string): string {
    if (!this.settings.has(service)) throw controlErrors.notFound(`unknown service ${service}; one of ${this.services.join(', ')}`);
    return service;
  }

  private require(service: string): FaultSettings {
    const found = this.settings.get(service);
    if (!found) throw new Error(`no fault settings for ${service}`);
    return found;
  }
}
