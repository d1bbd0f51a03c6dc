// Every detector: each a pure function of the measured facts to what it finds now.
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { leverBacklogFindings } from './lever-backlog';
import { leverKeyFindings } from './lever-key';
import { leverRefusedFindings } from './lever-refused';
import { leverWebhookFindings } from './lever-webhooks';
import { partnerAuthFindings } from './partner-auth';
import { noPollerFindings } from './pollers';
import { settingsStaleFindings } from './settings-stale';
import { sweepFindings } from './sweep';

export const DETECTORS: ((facts: Facts) => Finding[])[] = [
  leverKeyFindings,
  leverWebhookFindings,
  partnerAuthFindings,
  leverRefusedFindings,
  sweepFindings,
  noPollerFindings,
  leverBacklogFindings,
  settingsStaleFindings,
];

export function detect(facts: Facts): Finding[] {
  return DETECTORS.flatMap((detector) => detector(facts));
}
