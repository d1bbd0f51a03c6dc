// Technical-interview platform callbacks: `interview.completed` starts the interview's export process,
// keyed by the interview id, so a repeated callback never exports twice.
import { z } from 'zod';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { integrationProcessId } from '../../temporal/workflow-ids';
import { startAction, plainId, type CallbackRoutes } from '../kit/callbacks';
import { techInterviewSettings, type TechInterviewConfig } from './config';
import { techInterviewExport } from './export-workflow';

const score = z.number().int().min(1).max(4);
const completed = z.object({
  interviewId: plainId,
  outcome: z.enum(['advance', 'no_advance']),
  candidate: z.discriminatedUnion('anonymous', [
    z.object({ anonymous: z.literal(false), name: z.string().trim().min(1).max(200), email: z.email(), linkedinUrl: z.url().optional() }),
    z.object({ anonymous: z.literal(true), pseudonym: z.string().trim().min(1).max(200) }),
  ]),
  interviewer: z.object({ name: z.string().trim().min(1).max(200), leverUserEmail: z.email().optional() }),
  scores: z.object({ technical: score, communication: score, problemSolving: score }),
  feedback: z.string().max(20_000).optional(),
  leverPostingId: plainId.optional(),
});

export function techInterviewCallbackRoutes(section: TechInterviewConfig): CallbackRoutes {
  return {
    'interview.completed': {
      schema: completed,
      toStart: (body: z.infer<typeof completed>) =>
        section.enabled
          ? startAction(techInterviewExport, {
              workflowId: integrationProcessId('tech-interview', 'export', body.interviewId),
              args: [{ interview: body, settings: techInterviewSettings(section) }],
              searchAttributes: [
                { key: SEARCH_ATTRIBUTES.integration, value: 'tech-interview' },
                { key: SEARCH_ATTRIBUTES.status, value: 'received' },
              ],
            })
          : undefined,
    },
  };
}
