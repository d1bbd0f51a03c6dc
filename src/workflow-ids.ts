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
} as const;

/**
 * Every long-running process an opportunity can have, by deterministic id. Archive and delete events are
 * fanned out to these; ids with no execution behind them are skipped.
 */
export function opportunityProcessIds(opportunityId: string): string[] {
  return [workflowIds.wotc(opportunityId), workflowIds.willo(opportunityId), workflowIds.refty(opportunityId)];
}
