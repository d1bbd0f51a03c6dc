// Control API for the simulated technical-interview platform, mounted at `/_control/tech-interview`: an
// interviewer finishes an interview (the platform sends `interview.completed`), and the statuses the
// relay reported back can be read.
import express, { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { InterviewCompleted } from '../client';
import { controlErrors, parseWith } from '../../../sandbox/http';
import type { PartnerCallbackSender } from '../../../sandbox/partner-callbacks';
import type { RequestLog } from '../../../sandbox/request-log';
import type { TechInterviewStore } from './store';

export interface TechInterviewControlDeps {
  store: TechInterviewStore;
  callbacks: PartnerCallbackSender;
  requests: RequestLog;
}

const text = z.string().min(1);
const score = z.number().int().min(1).max(4);
const interviewBody = z.object({
  interviewId: text.optional(),
  outcome: z.enum(['advance', 'no_advance']),
  candidate: z.discriminatedUnion('anonymous', [
    z.object({ anonymous: z.literal(false), name: text, email: z.email(), linkedinUrl: z.url().optional() }),
    z.object({ anonymous: z.literal(true), pseudonym: text }),
  ]),
  interviewer: z.object({ name: text, leverUserEmail: z.email().optional() }),
  scores: z.object({ technical: score, communication: score, problemSolving: score }),
  feedback: z.string().optional(),
  leverPostingId: text.optional(),
});

export function techInterviewControls({ store, callbacks, requests }: TechInterviewControlDeps): Router {
  const router = Router();
  router.use(express.json());

  router.post('/interviews', async (req, res) => {
    const { interviewId = `int_${randomBytes(8).toString('hex')}`, ...rest } = parseWith(interviewBody, req.body, controlErrors);
    const interview: InterviewCompleted = { type: 'interview.completed', interviewId, ...rest };
    const { type: _type, ...record } = interview;
    store.interviews.set(interviewId, record);
    res.json({ interviewId, ...(await callbacks.send(interview)) });
  });

  router.get('/interviews/:id/statuses', (req, res) => void res.json(store.statusesOf(req.params.id)));

  router.use('/callbacks', callbacks.controlRoutes());
  router.use('/requests', requests.controlRoutes());
  return router;
}
