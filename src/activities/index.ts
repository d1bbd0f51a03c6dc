// createActivities(deps): clients are injected so tests can point them at the sandbox or a fake.
import type { LeverClient } from '../lever/client';
import type { HrlogicsClient } from '../partners/hrlogics';
import type { ReftyClient } from '../partners/refty';
import type { WilloClient } from '../partners/willo';
import { createHrlogicsActivities } from './hrlogics';
import { createLeverActivities } from './lever';
import { createReftyActivities } from './refty';
import { createWilloActivities } from './willo';
import type { TechInterviewClient } from '../partners/tech-interview';
import type { WintroClient } from '../partners/wintro';
import { createTechInterviewActivities } from './tech-interview';
import { createWintroActivities } from './wintro';

export interface ActivityDeps {
  lever: LeverClient;
  hrlogics: HrlogicsClient;
  willo: WilloClient;
  refty: ReftyClient;
  wintro: WintroClient;
  techInterview: TechInterviewClient;
}

/** Lever activities run on the rate-limited Lever task queue; partner activities on the main queue. */
export function createActivities(deps: ActivityDeps) {
  return {
    lever: createLeverActivities(deps.lever),
    partners: {
      ...createHrlogicsActivities(deps.hrlogics),
      ...createWilloActivities(deps.willo),
      ...createReftyActivities(deps.refty),
      ...createWintroActivities(deps.wintro),
      ...createTechInterviewActivities(deps.techInterview),
    },
  };
}

export type { LeverActivities, CandidateSnapshot, CandidateContact } from './lever';
export type { PostingSummary, PageOf, OpportunityRef } from './lever-sourcing';
export type PartnerActivities = ReturnType<typeof createActivities>['partners'];
