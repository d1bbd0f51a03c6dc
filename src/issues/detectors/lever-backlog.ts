// The Lever queue's oldest task has waited more than 5 minutes: more work than Lever's rate allows (a
// backfill, a burst), or its workers are too few or stuck. Webhook work goes first, but everything waits.
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { uiTaskQueue } from '../links';

export const LEVER_BACKLOG_LIMIT_MS = 5 * 60_000;

export function leverBacklogFindings(facts: Facts): Finding[] {
  const age = facts.leverBacklogAgeMs;
  if (age === undefined || age <= LEVER_BACKLOG_LIMIT_MS) return [];
  const queue = `${facts.config.temporal.taskQueue}-lever`;
  return [
    {
      id: `lever-backlog:${queue}`,
      kind: 'lever-backlog',
      title: `The oldest task on the Lever queue has waited ${Math.round(age / 60_000)} minutes`,
      fix: "Lever's rate (LEVER_RATE_LIMIT_PER_SECOND) is the ceiling: let a running backfill finish or cancel it, check for Lever 429s (another client on the same key) and that workers poll the Lever queue",
      subject: { type: 'task-queue', id: queue },
      links: [{ text: 'Lever queue in the Temporal UI', href: uiTaskQueue(facts.config, queue) }],
    },
  ];
}
