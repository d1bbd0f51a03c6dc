// The one module that builds workflow ids. Ids come from business keys only (never names or emails),
// so a repeated webhook or callback lands on the same execution instead of starting a second process.

export const workflowIds = {
  /** One WOTC screening per opportunity (an opportunity has at most one application). */
  wotc: (opportunityId: string) => `wotc/${opportunityId}`,
} as const;

/**
 * Every long-running process an opportunity can have, by deterministic id. Archive and delete events are
 * fanned out to these; ids with no execution behind them are skipped.
 */
export function opportunityProcessIds(opportunityId: string): string[] {
  return [workflowIds.wotc(opportunityId)];
}
