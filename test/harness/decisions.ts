// What the decision tests share: a live opportunity to vary, a decision run to the end the way the opportunity
// process runs it (answering its needs), and generated worlds for properties (fast-check): any mix of facts old
// and new, present and missing, and any process state. The registry-wide properties are in
// test/unit/decisions.test.ts; each integration's own, and its cases, in test/integrations/<name>/decide.test.ts.
import fc from 'fast-check';
import type { Decision, DecisionInput, ProcessState } from '../../src/integrations/kit/definition';
import type { LiveOpportunity, OpportunitySnapshot } from '../../src/lever/snapshot';

export const NOW = Date.UTC(2026, 10, 23, 12);
export const MINUTE = 60_000;

export function live(overrides: Partial<LiveOpportunity> = {}): LiveOpportunity {
  return {
    opportunityId: 'opp-1',
    readAt: NOW,
    deleted: false,
    contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    application: { id: 'app-1', createdAt: NOW - MINUTE },
    postingId: 'posting-covered',
    createdAt: NOW - MINUTE,
    stage: { stageId: 'applicant-new', enteredAt: NOW - MINUTE },
    archived: null,
    tags: [],
    lookups: {},
    ...overrides,
  };
}

export const input = <S>(snapshot: OpportunitySnapshot, settings: S, extra: Partial<DecisionInput<S>> = {}): DecisionInput<S> => ({
  snapshot,
  settings,
  actOnFactsSince: NOW - 5 * MINUTE,
  ...extra,
});

/** What the opportunity process would answer a decision's needs with. */
export interface World {
  stageName?: string;
  hired?: boolean;
  postingTags?: string[];
  process?: ProcessState;
  since?: number;
}

/** Runs a decision to the end the way the opportunity process does: answering its needs from `world`. */
export function decide<S>(
  fn: (i: DecisionInput<S>) => Decision<unknown>,
  snapshot: OpportunitySnapshot,
  settings: S,
  world: World = {},
): Decision<unknown> {
  const current = { ...input(snapshot, settings, world.since === undefined ? {} : { actOnFactsSince: world.since }) };
  for (let round = 0; round < 4; round++) {
    const decision = fn(current);
    if (decision.kind !== 'need') return decision;
    for (const need of decision.needs) {
      if (need === 'process') current.process = world.process ?? { state: 'none' };
      else if (!current.snapshot.deleted)
        current.snapshot = { ...current.snapshot, lookups: { ...current.snapshot.lookups, [need]: world[need] } };
    }
  }
  throw new Error('a decision kept asking after four rounds');
}

/** A decision that starts a process only to note a stop in Lever. */
export const notes = (d: Decision<unknown>) => d.kind === 'start' && /notes it in Lever/.test(d.reason);

// Generated worlds. The values (stages, a covered posting, tags) are those the integrations' decision
// settings in test/integrations/<name>/decision-settings.ts name, so that every branch is reached.
const processState = fc.oneof(
  fc.constant<ProcessState>({ state: 'none' }),
  fc.constant<ProcessState>({ state: 'running' }),
  fc
    .constantFrom('no-email', 'archived', 'withdrawn', 'pre_qualified', 'expired', 'cancelled', 'accepted')
    .map<ProcessState>((status) => ({ state: 'closed', status })),
);
const time = fc.integer({ min: NOW - 30 * 24 * 60 * MINUTE, max: NOW });

export const snapshot: fc.Arbitrary<OpportunitySnapshot> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<OpportunitySnapshot>({ opportunityId: 'opp-1', readAt: NOW, deleted: true }) },
  {
    weight: 9,
    arbitrary: fc
      .record({
        hasEmail: fc.boolean(),
        hasApplication: fc.boolean(),
        applied: time,
        stageId: fc.constantFrom('applicant-new', 'phone-screen', 'stage-video', 'onsite'),
        entered: time,
        archivedAt: fc.option(time),
        posting: fc.constantFrom('posting-covered', 'posting-other', undefined),
        tags: fc.subarray(['Willo:Screen-Acme', 'TechScreen:Interview int-9', 'HRLogics-WOTC:Pre Qualified']),
      })
      .map(({ hasEmail, hasApplication, applied, stageId, entered, archivedAt, posting, tags }) =>
        live({
          ...(hasEmail ? {} : { contact: undefined }),
          ...(hasApplication ? { application: { id: 'app-1', createdAt: applied } } : { application: undefined }),
          stage: { stageId, enteredAt: entered },
          archived: archivedAt === null ? null : { archivedAt, reasonId: 'reason' },
          postingId: posting,
          tags,
        }),
      ),
  },
);

export const world = fc.record({
  stageName: fc.constantFrom('Phone Screen', 'On-site', 'Offer'),
  hired: fc.boolean(),
  postingTags: fc.subarray(['Willo:Screen-Acme']),
  process: processState,
  since: fc.constantFrom(0, NOW - 5 * MINUTE),
});

/** Whether an integration's stop notes are switched off, for properties that hold either way. */
export const stopNotesOff = fc.boolean();
