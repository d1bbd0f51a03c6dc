// The one module that builds workflow ids. Ids come from business keys only (never names or emails),
// so a repeated webhook or callback lands on the same execution instead of starting a second process.

export const workflowIds = {
  /** One WOTC screening per opportunity (an opportunity has at most one application). */
  wotc: (opportunityId: string) => `wotc/${opportunityId}`,
  /**
   * One short run per Lever stage change: the same delivery again (same triggeredAt) is a duplicate, a
   * later entry into the same stage is a new run.
   */
  stageChange: (opportunityId: string, toStageId: string, triggeredAt: number) => `stage-change/${opportunityId}/${toStageId}/${triggeredAt}`,
  /** One Willo process per opportunity: however often a trigger stage is entered, one invite. */
  willo: (opportunityId: string) => `willo/${opportunityId}`,
  /** One Refty process per opportunity: the sequence membership and every request of its steps. */
  refty: (opportunityId: string) => `refty/${opportunityId}`,
  /**
   * The on-demand Wintro vacancy sync of one deployment (its task queue), started with USE_EXISTING: a
   * second "Sync" click while one runs joins it. Runs started by the schedule get the schedule's suffix.
   */
  wintroSync: (taskQueue: string) => `wintro-sync/${taskQueue}`,
  wintroScheduledSync: (taskQueue: string) => `wintro-sync/${taskQueue}/scheduled`,
  /** One referral becomes at most one opportunity and one note. */
  wintroReferral: (referralId: string) => `wintro-referral/${referralId}`,
  /** One Wintro notification callback (its `webhook-id`) becomes at most one note. */
  wintroNotification: (callbackId: string) => `wintro-notification/${callbackId}`,
  /** One finished technical interview exports at most one opportunity. */
  techInterview: (interviewId: string) => `tech-interview/${interviewId}`,
  /** One Lever stage change or hire of an exported opportunity, reported back once. */
  techInterviewStatus: (opportunityId: string, event: string, triggeredAt: number) => `tech-interview-status/${opportunityId}/${event}/${triggeredAt}`,
} as const;

/** Schedules are named apart from workflows: one Wintro sync schedule per deployment (task queue). */
export const scheduleIds = {
  wintroSync: (taskQueue: string) => `wintro-sync-schedule/${taskQueue}`,
} as const;

/**
 * Every long-running process an opportunity can have, by deterministic id. Archive and delete events are
 * fanned out to these; ids with no execution behind them are skipped.
 */
export function opportunityProcessIds(opportunityId: string): string[] {
  return [workflowIds.wotc(opportunityId), workflowIds.willo(opportunityId), workflowIds.refty(opportunityId)];
}
