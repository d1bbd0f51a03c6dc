// HRLogics' settings in its decision tests, and in the registry-wide decision properties
// (test/unit/decisions.test.ts finds this file through the registry).
import type { WotcSettings } from '../../../src/integrations/hrlogics/messages';

export const settings: WotcSettings = { reminderIntervalMs: 1, maxReminders: 1, expiryMs: 1, hireWaitMs: 1, stopNotes: true };
