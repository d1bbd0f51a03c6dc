// The Node side of an integration: everything that cannot run inside a workflow. Each integration's
// `server.ts` exports one of these; its definition's `server()` requires it lazily.
import type { Client } from '@temporalio/client';
import type { EnvReader } from '../../config/env';
import type { PartnerConnection, SectionContext } from '../../config/partner';
import type { RelayConfig } from '../../config/relay';
import type { DemoContext } from '../../demo/context';
import type { CheckContext, CheckResult } from '../../doctor/check';
import type { CallObserver } from '../../http/json-client';
import type { LeverClient } from '../../lever/client';
import type { Simulator } from '../../sandbox/simulator';
import type { SettingFields } from '../../settings/fields';
import type { CallbackRoutes, CallbackSample, StartAction } from './callbacks';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActivityFunctions = Record<string, (...args: any[]) => Promise<any>>;

/** `POST /admin/<path>` (Bearer ADMIN_TOKEN): starts (or joins) a run; refused with 409 while the integration is off. */
export interface AdminRoute<Section> {
  /** Under `/admin/`, e.g. `wintro/sync`. */
  path: string;
  start(section: Section, relay: RelayConfig): StartAction;
}

/** What docs/integrations.md says of an integration: `npm run docs` writes its tables from these. */
export interface IntegrationDocs {
  /** Its rows of the configuration table: every `<PREFIX>_*` variable its section reads (a test checks). */
  variables: { env: string; default: string; meaning: string }[];
  /** Its rows of the stop-note table: each note `process.stop` may write. */
  stopNotes?: { note: string; when: string; markerKey: string }[];
}

export interface IntegrationServer<Section extends PartnerConnection, S> {
  /** Parses its section of the environment (`<PREFIX>_*`, the prefix `envPrefixOf(name)`), recording problems in `r`. */
  config(r: EnvReader, context: SectionContext): Section;
  /**
   * What a person may edit in the console, by field of its section (`enabled` first): the console's
   * settings page, `PUT /admin/settings/<name>` and the variable that locks each (`<PREFIX>_<FIELD>`) derive from it.
   */
  editable: SettingFields;
  /** Its rows of docs/integrations.md (markdown cells). */
  docs: IntegrationDocs;
  /** What its decisions and processes need of its section: travels in workflow inputs, so plain data. */
  settings(section: Section): S;
  /** Its activities: partner calls on the main queue, Lever calls (one request each) on the Lever queue. */
  activities(
    section: Section,
    deps: { lever: LeverClient; observe?: CallObserver },
  ): { partner?: ActivityFunctions; lever?: ActivityFunctions };
  /** `POST /webhooks/<name>`: what each callback type does. */
  callbacks?: {
    /** Names the thing a 404 could not find ("screening"). */
    subject: string;
    routes(section: Section, relay: RelayConfig): CallbackRoutes;
    /** At least one valid body per route type: the ingress and fuzz tests derive their cases from these. */
    samples: CallbackSample[];
  };
  admin?: AdminRoute<Section>[];
  /** Its simulated partner in the sandbox. */
  simulator?: Simulator;
  /** `npm run demo -- <name>`. */
  demo?(context: DemoContext, section: Section): Promise<void>;
  /**
   * A backfill for this integration acts on facts from this moment on (default 0: whatever their age),
   * unless `--applied-since` says otherwise. E.g. WOTC surveys only recent applicants.
   */
  backfillSince?(section: Section, now: number): number;
  /** What `npm run doctor` (and each worker at start) checks of it against the live account and partner; only when on. */
  checks?(section: Section, context: CheckContext): Promise<CheckResult[]>;
  /** Run once per worker start (e.g. to keep a schedule current); returns what it did, for the log. */
  onWorkerStart?(context: { client: Client; section: Section; relay: RelayConfig }): Promise<string>;
}
