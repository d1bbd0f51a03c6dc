// HRLogics' section of the configuration: `HRLOGICS_*`.
import { z } from 'zod';
import { duration, toMs, type EnvReader } from '../../config/env';
import { partnerConnection, stopNotesSetting, type PartnerConnection, type SectionContext } from '../../config/partner';
import { sandboxCallbackSecret } from '../../config/sandbox-defaults';
import { field, type SettingFields } from '../../settings/fields';
import type { WotcSettings } from './messages';

export interface HrlogicsConfig extends PartnerConnection {
  reminderInterval: string;
  maxReminders: number;
  expiry: string;
  hireWait: string;
  /** A backfill surveys only candidates who applied within this window. */
  backfillWindow: string;
  stopNotes: boolean;
}

export function readHrlogicsConfig(r: EnvReader, ctx: SectionContext): HrlogicsConfig {
  return {
    ...partnerConnection(r, ctx, { prefix: 'HRLOGICS', path: 'hrlogics', sandboxSecret: sandboxCallbackSecret('hrlogics') }),
    reminderInterval: r.get('HRLOGICS_REMINDER_INTERVAL', duration, '3d'),
    maxReminders: r.get('HRLOGICS_MAX_REMINDERS', z.coerce.number().int().min(0).max(20), 3),
    expiry: r.get('HRLOGICS_EXPIRY', duration, '30d'),
    hireWait: r.get('HRLOGICS_HIRE_WAIT', duration, '180d'),
    backfillWindow: r.get('HRLOGICS_BACKFILL_WINDOW', duration, '30d'),
    stopNotes: stopNotesSetting(r, 'HRLOGICS'),
  };
}

export function wotcSettings(section: HrlogicsConfig): WotcSettings {
  return {
    reminderIntervalMs: toMs(section.reminderInterval),
    maxReminders: section.maxReminders,
    expiryMs: toMs(section.expiry),
    hireWaitMs: toMs(section.hireWait),
    stopNotes: section.stopNotes,
  };
}

/** What an admin edits on HRLogics' settings page. */
export const hrlogicsEditable: SettingFields = {
  enabled: field.boolean('Enabled'),
  backfillWindow: field.days('Backfill window (days)', 'A backfill surveys only candidates who applied within this many days.'),
  reminderInterval: field.duration('Reminder interval', 'Time between survey reminders (e.g. 3d).'),
  maxReminders: field.integer('Reminders at most', 0, 20),
  expiry: field.duration('Survey expiry', 'How long a survey waits for the candidate (e.g. 30d).'),
  hireWait: field.duration('Hire wait', 'How long a screening waits for the hire (e.g. 180d).'),
  stopNotes: field.boolean('Stop notes', 'Write a short note in Lever when the screening cannot go on.'),
};
