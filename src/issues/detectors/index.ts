// Every detector: each a pure function of the measured facts to what it finds now.
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { callbackSignatureFindings } from './callback-signatures';
import { leverBacklogFindings } from './lever-backlog';
import { leverConfidentialFindings } from './lever-confidential';
import { leverKeyFindings } from './lever-key';
import { leverRateLimitedFindings } from './lever-rate-limited';
import { leverRefusedFindings } from './lever-refused';
import { leverWebhookFindings } from './lever-webhooks';
import { partnerAuthFindings } from './partner-auth';
import { serviceFailingFindings } from './service-failing';
import { noPollerFindings } from './pollers';
import { settingsStaleFindings } from './settings-stale';
import { sweepFindings } from './sweep';

export const DETECTORS: ((facts: Facts) => Finding[])[] = [
  leverKeyFindings,
  leverConfidentialFindings,
  leverWebhookFindings,
  partnerAuthFindings,
  leverRefusedFindings,
  sweepFindings,
  noPollerFindings,
  leverBacklogFindings,
  settingsStaleFindings,
  leverRateLimitedFindings,
  callbackSignatureFindings,
  serviceFailingFindings,
];

export function detect(facts: Facts): Finding[] {
  return DETECTORS.flatMap((detector) => detector(facts));
}
