// The one module that builds workflow ids. Ids come from business keys only (never names or emails),
// so a repeated webhook or callback lands on the same execution instead of starting a second process.
// Integrations build theirs with `integrationProcessId`, so every id an integration owns starts with its name.

export const workflowIds = {
  /** One process per Lever opportunity: every trigger about it (webhook, sweep, sync) signals it. */
  opportunity: (opportunityId: string) => `opportunity/${opportunityId}`,
  /** The relay's settings (one per deployment, i.e. task queue): an entity workflow that never ends. */
  settings: (taskQueue: string) => `relay-settings/${taskQueue}`,
  /** The named API tokens of a deployment (its task queue): an entity workflow that never ends. */
  apiTokens: (taskQueue: string) => `relay-tokens/${taskQueue}`,
  /** The issues of a deployment (its task queue): an entity workflow that never ends. */
  issues: (taskQueue: string) => `relay-issues/${taskQueue}`,
  /** One scheduled evaluation of the issue detectors. */
  issuesEvaluation: (taskQueue: string) => `relay-issues-evaluation/${taskQueue}`,
  /** One Lever read through the rate-limited queue, for the worker's checks at start. */
  leverRead: (requestId: string) => `lever-read/${requestId}`,
  /** One turn at Lever's rate for a request the API makes itself (see lever/turn-workflow.ts). */
  leverTurn: (requestId: string) => `lever-turn/${requestId}`,
} as const;

/**
 * An integration's process for one business key: `willo/<opportunityId>` (its per-opportunity process),
 * `wintro/referral/<referralId>`. Parts are joined with `/`; none may be empty.
 */
export function integrationProcessId(integration: string, ...key: string[]): string {
  if (key.length === 0 || key.some((part) => part === '')) throw new Error(`workflow id of ${integration} needs a non-empty key`);
  return [integration, ...key].join('/');
}

/** Schedules are named apart from workflows: `<what>-schedule/<task queue>`. */
export function scheduleId(what: string, taskQueue: string): string {
  return `${what}-schedule/${taskQueue}`;
}
