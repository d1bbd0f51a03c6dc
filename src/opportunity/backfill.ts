// A backfill, whoever asks for it (`npm run backfill`, `POST /admin/backfill`): its options, checked
// against the registry, and the start of its workflow. The same options are the same backfill: asking again
// while it runs joins it (a crashed CLI or a second click follows the same run); once done, a new one starts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { integrationParts, type Config } from '../assembly/config';
import { leverId } from '../lever/webhook';
import { startAction, type StartAction } from '../integrations/kit/callbacks';
import { OPPORTUNITY_PROCESS, SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { leverBackfill, type BackfillInput } from './bulk';

export interface BackfillOptions {
  integration: string;
  postingId?: string;
  stageId?: string;
  /** Epoch ms: only opportunities created (applied) at or after, and facts from then on. */
  appliedSince?: number;
  dryRun: boolean;
}

const isoDate = z.iso.date('must be a date such as 2026-01-31').transform((d) => Date.parse(`${d}T00:00:00Z`));

/** The body of `POST /admin/backfill`; the CLI builds the same object from its flags. */
export const backfillRequest = z.strictObject({
  integration: z.string().min(1),
  posting: leverId.optional(),
  stage: leverId.optional(),
  appliedSince: isoDate.optional(),
  dryRun: z.boolean().optional(),
});

export type BackfillRequest = z.input<typeof backfillRequest>;

/** Checks the integration against the registry: it must be one that Lever opportunities drive, and on. */
export function backfillOptions(config: Config, request: z.output<typeof backfillRequest>): BackfillOptions | { problem: string } {
  const parts = integrationParts(config).filter((p) => 'opportunity' in p.integration);
  const part = parts.find((p) => p.integration.name === request.integration);
  if (!part) return { problem: `integration must be one of ${parts.map((p) => p.integration.name).join(', ')}` };
  if (!part.section.enabled) return { problem: `${part.integration.title} is switched off` };
  return {
    integration: request.integration,
    ...(request.posting ? { postingId: request.posting } : {}),
    ...(request.stage ? { stageId: request.stage } : {}),
    ...(request.appliedSince !== undefined ? { appliedSince: request.appliedSince } : {}),
    dryRun: request.dryRun ?? false,
  };
}

/** `lever-backfill/<integration>/<digest of the options>`: the same options are the same backfill. */
export function backfillWorkflowId(options: BackfillOptions): string {
  const { integration, postingId, stageId, appliedSince, dryRun } = options;
  const digest = createHash('sha256')
    .update(JSON.stringify([postingId ?? null, stageId ?? null, appliedSince ?? null]))
    .digest('hex')
    .slice(0, 12);
  return `lever-backfill/${integration}/${digest}${dryRun ? '/dry-run' : ''}`;
}

export function backfillStart(config: Config, options: BackfillOptions, now = Date.now()): StartAction {
  const part = integrationParts(config).find((p) => p.integration.name === options.integration)!;
  const input: BackfillInput = {
    integration: options.integration,
    filter: {
      ...(options.postingId ? { postingId: options.postingId } : {}),
      ...(options.stageId ? { stageId: options.stageId } : {}),
      ...(options.appliedSince !== undefined ? { createdSince: options.appliedSince } : {}),
    },
    actOnFactsSince: options.appliedSince ?? part.server.backfillSince?.(part.section, now) ?? 0,
    dryRun: options.dryRun,
    perSecond: config.lever.bulkTriggerRate,
  };
  return startAction(leverBackfill, {
    workflowId: backfillWorkflowId(options),
    args: [input],
    searchAttributes: [
      { key: SEARCH_ATTRIBUTES.integration, value: OPPORTUNITY_PROCESS },
      { key: SEARCH_ATTRIBUTES.status, value: options.dryRun ? 'dry run' : 'backfill' },
    ],
    onConflict: 'join-running',
  });
}
