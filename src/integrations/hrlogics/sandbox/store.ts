// Screenings HRLogics holds, in memory. Survey answers never exist here: the simulated applicant only
// ever produces a result, as the real integration only ever receives one.
import { randomBytes } from 'node:crypto';
import type { WotcResult } from '../tags';
import type { CreateScreeningInput, HireInput, HrlogicsApplicant } from '../client';
import { SimProblem } from '../../../sandbox/http';

export type ScreeningStatus = 'sent' | 'completed' | 'expired' | 'cancelled';

export interface SimScreening {
  screeningId: string;
  externalId: string;
  postingId: string | null;
  applicant: HrlogicsApplicant;
  surveyUrl: string;
  status: ScreeningStatus;
  reminders: number;
  hire: HireInput | null;
  result: WotcResult | null;
  targetGroups: string[];
  /** Every Idempotency-Key that reached this screening's endpoints (replays never reach them). */
  idempotencyKeys: string[];
  createdAt: number;
  updatedAt: number;
}

export class HrlogicsStore {
  /** Insertion order is list order. */
  readonly screenings = new Map<string, SimScreening>();

  constructor(private readonly surveyUrlFor: (screeningId: string) => string) {}

  create(input: CreateScreeningInput, idempotencyKey?: string): SimScreening {
    const screeningId = `scr_${randomBytes(8).toString('hex')}`;
    const now = Date.now();
    const screening: SimScreening = {
      screeningId,
      externalId: input.externalId,
      postingId: input.postingId ?? null,
      applicant: { ...input.applicant },
      surveyUrl: this.surveyUrlFor(screeningId),
      status: 'sent',
      reminders: 0,
      hire: null,
      result: null,
      targetGroups: [],
      idempotencyKeys: idempotencyKey ? [idempotencyKey] : [],
      createdAt: now,
      updatedAt: now,
    };
    this.screenings.set(screeningId, screening);
    return screening;
  }

  get(screeningId: string): SimScreening {
    const found = this.screenings.get(screeningId);
    if (!found) throw new SimProblem('notFound', `screening ${screeningId} not found`);
    return found;
  }

  list(externalId?: string): SimScreening[] {
    return [...this.screenings.values()].filter((s) => externalId === undefined || s.externalId === externalId);
  }

  /** Applies a change that only a screening in one of `allowed` may take; anything else is a 409. */
  update(
    screeningId: string,
    allowed: readonly ScreeningStatus[],
    change: (s: SimScreening) => void,
    idempotencyKey?: string,
  ): SimScreening {
    const screening = this.get(screeningId);
    if (!allowed.includes(screening.status)) throw new SimProblem('conflict', `screening ${screeningId} is ${screening.status}`);
    change(screening);
    if (idempotencyKey && !screening.idempotencyKeys.includes(idempotencyKey)) screening.idempotencyKeys.push(idempotencyKey);
    screening.updatedAt = Date.now();
    return screening;
  }
}
