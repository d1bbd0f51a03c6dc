// Reports a Lever stage change or hire of an opportunity the technical-interview platform exported back
// to the platform, so its candidate stats stay current. The webhook is a hint: the stage and the hire
// are read from Lever, and the interview id from the opportunity's own tag (no database of ours).
import { workflowInfo } from '@temporalio/workflow';
import { interviewIdFromTags } from '../lever/tags';
import { isNotFound, leverActivities, partnerActivities } from './activity-proxies';

export interface TechInterviewStatusInput {
  opportunityId: string;
  platformName: string;
}

export type TechInterviewStatusOutcome =
  | { status: 'reported'; interviewId: string; stageId: string; stageName: string; hired: boolean }
  | { status: 'not-exported' | 'not-found' };

export async function techInterviewStatusReport({ opportunityId, platformName }: TechInterviewStatusInput): Promise<TechInterviewStatusOutcome> {
  const lever = leverActivities();
  let candidate;
  try {
    candidate = await lever.leverReadCandidate(opportunityId);
  } catch (error) {
    if (isNotFound(error)) return { status: 'not-found' };
    throw error;
  }
  const interviewId = interviewIdFromTags(platformName, candidate.tags);
  if (!interviewId) return { status: 'not-exported' };
  const stageName = await lever.leverStageName(candidate.stageId);
  const reason = candidate.archived?.reason;
  const hired = reason ? (await lever.leverHiredArchiveReasonIds()).includes(reason) : false;
  const status = { stageId: candidate.stageId, stageName, hired };
  await partnerActivities().techInterviewReportStatus(interviewId, status, workflowInfo().workflowId);
  return { status: 'reported', interviewId, ...status };
}
