// The sweep is what repairs lost webhooks: paused by someone (while configured on), or no sweep completed
// in the last 3 intervals (once the schedule has existed that long).
import { sweepScheduleId } from '../../opportunity/sweep-schedule';
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { uiQuery, uiSchedule } from '../links';

export function sweepFindings(facts: Facts): Finding[] {
  const sweep = facts.sweep;
  if (!sweep) return [];
  const scheduleId = sweepScheduleId(facts.config.temporal.taskQueue);
  const subject = { type: 'schedule' as const, id: scheduleId };
  const scheduleLink = { text: 'The sweep schedule', href: uiSchedule(facts.config, scheduleId) };
  if (sweep.paused)
    return [
      {
        id: 'sweep-paused',
        kind: 'sweep-paused',
        title: 'The Lever sweep schedule is paused: lost webhooks are not repaired',
        fix: 'Unpause the schedule in the Temporal UI (or restart a worker, which brings it back as configured); to switch the sweep off on purpose set LEVER_SWEEP_INTERVAL=off',
        subject,
        links: [scheduleLink],
      },
    ];
  const window = 3 * sweep.intervalMs;
  const oldEnough = sweep.createdAt !== undefined && facts.at - sweep.createdAt >= window;
  if (!oldEnough || sweep.completedRecently > 0) return [];
  return [
    {
      id: 'sweep-stalled',
      kind: 'sweep-stalled',
      title: `No Lever sweep completed in the last 3 intervals (${Math.round(window / 60_000)} minutes)`,
      fix: 'Look at the last sweep runs in the Temporal UI: a sweep waiting on Lever (key, outage, rate) or no worker polling; fix that and the next sweep catches up from its cursor',
      subject,
      links: [scheduleLink, { text: 'Sweep runs', href: uiQuery(facts.config, `WorkflowType = "leverSweep"`) }],
    },
  ];
}
