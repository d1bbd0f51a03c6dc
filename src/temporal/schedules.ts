// Keeps one Temporal Schedule as the configuration says, whenever a worker starts: created if missing,
// brought up to date if there (so many workers starting together converge on one schedule and a changed
// interval takes effect on the next deploy), paused when its feature is switched off.
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type Client,
  type ScheduleDescription,
  type ScheduleOptions,
} from '@temporalio/client';

export type ScheduleOutcome = 'created' | 'updated' | 'paused' | 'absent';

export interface DesiredSchedule {
  scheduleId: string;
  /** Undefined when the feature is switched off; the text says how (it is the pause note in the Temporal UI). */
  options: ((previous?: ScheduleDescription) => ScheduleOptions) | undefined;
  offNote: string;
  onNote: string;
}

export async function ensureSchedule(client: Client, desired: DesiredSchedule): Promise<ScheduleOutcome> {
  const handle = client.schedule.getHandle(desired.scheduleId);
  if (!desired.options) {
    try {
      await handle.pause(desired.offNote);
      return 'paused';
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return 'absent';
      throw error;
    }
  }
  const optionsFor = desired.options;
  try {
    await client.schedule.create(optionsFor());
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await handle.update((previous) => {
    const options = optionsFor(previous);
    return { ...previous, spec: options.spec, action: options.action, policies: options.policies };
  });
  if ((await handle.describe()).state.paused) await handle.unpause(desired.onNote);
  return 'updated';
}
