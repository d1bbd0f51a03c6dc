// What a simulated partner is made of, so the sandbox can mount every integration's simulator the same
// way: its API under `/<name>`, its controls (the humans it plays) under `/_control/<name>`.
import type { Router } from 'express';
import type { Faults } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { PartnerCallbackSender } from './partner-callbacks';
import type { RequestLog } from './request-log';

/** What every simulated partner has besides its store. */
export interface PartnerParts {
  requests: RequestLog;
  callbacks: PartnerCallbackSender;
  idempotency: IdempotencyStore;
}

export interface SimulatorDeps extends PartnerParts {
  faults: Faults;
  /** The key the partner API accepts. */
  apiKey: string;
  /** The sandbox's public URL of a path under this partner (`/survey/x` -> `http://127.0.0.1:3100/hrlogics/survey/x`). */
  publicUrl(path: string): string;
}

export interface SimulatedPartner<Store = unknown> {
  store: Store;
  /** The partner's API, mounted at `/<name>`. */
  api: Router;
  /** The control API that plays its humans, mounted at `/_control/<name>`. */
  controls: Router;
}

export type Simulator<Store = unknown> = (deps: SimulatorDeps) => SimulatedPartner<Store>;
