// Technical-interview platform callbacks: `interview.completed` starts the interview's export process,
// keyed by the interview id, so a repeated callback never exports twice.
import { z } from 'zod';
import type { Config } from '../config';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { taskQueues } from '../task-queues';
import { workflowIds } from '../workflow-ids';
import type { TechInterviewInput } from '../workflows/tech-interview';
import type { CallbackRoutes } from './partner-ingress';
import { partnerId } from './wintro-callbacks';

const score = z.number().int().min(1).max(4);
const completed = z.object({
  interviewId: partnerId,
  outcome: z.enum(['advance', 'no_advance']),
  candidate: z.discriminatedUnion('anonymous', [
    z.object({ anonymous: z.literal(false), name: z.string().trim().min(1).max(200), email: z.email(), linkedinUrl: z.url().optional() }),
    z.object({ anonymous: z.literal(true), pseudonym: z.string().trim().min(1).max(200) }),
  ]),
  interviewer: z.object({ name: z.string().trim().min(1).max(200), leverUserEmail: z.email().optional() }),
  scores: z.object({ technical: score, communication: score, problemSolving: score }),
  feedback: z.string().max(20_000).optional(),
  leverPostingId: partnerId.optional(),
});

export function techInterviewSettings(techInterview: Config['techInterview']): TechInterviewInput['settings'] {
  const { platformName, performAsEmail, defaultStage, exportUnsuccessful } = techInterview;
  return { platformName, performAsEmail, defaultStage, exportUnsuccessful };
}

export function techInterviewCallbackRoutes(config: Pick<Config, 'techInterview' | 'temporal'>): CallbackRoutes {
  return {
    'interview.completed': {
      schema: completed,
      toStart: (body: z.infer<typeof completed>) => config.techInterview.enabled ? ({
        kind: 'start',
        workflowType: 'techInterviewExport',
        workflowId: workflowIds.techInterview(body.interviewId),
        taskQueue: taskQueues(config.temporal.taskQueue).main,
        args: [{ interview: body, settings: techInterviewSettings(config.techInterview) } satisfies TechInterviewInput],
        searchAttributes: [
          { key: SEARCH_ATTRIBUTES.integration, value: INTEGRATIONS.techInterview },
          { key: SEARCH_ATTRIBUTES.status, value: 'received' },
        ],
      }) : undefined,
    },
  };
}
