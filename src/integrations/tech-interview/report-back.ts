// Stage changes and hires of opportunities the platform exported are reported back to it, so its
// candidate stats stay current. Decided from the same snapshot as every other integration (one Lever
// read per event, none of its own): the interview id is the opportunity's own tag (no database of ours),
// and each report is keyed by its fact (the stage entry, or the hire), so the same fact is reported once.
import { stageEntryKey } from '../../lever/snapshot';
import { partnerActivities } from '../kit/activity-proxies';
import { decision, isNews, type Decision, type DecisionInput } from '../kit/definition';
import type { TechInterviewActivities } from './activities';
import type { CandidateStatus } from './client';
import type { TechInterviewSettings } from './messages';
import { interviewIdFromTags } from './tags';

export interface StatusReport {
  interviewId: string;
  status: CandidateStatus;
  /** The fact reported: `<stageId>@<enteredAt>` or `hired@<archivedAt>`. */
  fact: string;
}

export function decideReportBack(input: DecisionInput<TechInterviewSettings>): Decision<StatusReport> {
  const { snapshot, settings } = input;
  if (snapshot.deleted) return decision.nothing('deleted in Lever');
  const interviewId = interviewIdFromTags(settings.platformName, snapshot.tags);
  if (!interviewId) return decision.nothing(`not exported by ${settings.platformName}`);
  const archivedNews = snapshot.archived !== null && isNews(snapshot.archived.archivedAt, input);
  const entryNews = isNews(snapshot.stage.enteredAt, input);
  if (!archivedNews && !entryNews) return decision.nothing('no new stage entry or hire to report');
  if (snapshot.lookups.stageName === undefined) return decision.need('stageName');
  if (snapshot.archived && snapshot.lookups.hired === undefined) return decision.need('hired');
  const hired = snapshot.lookups.hired === true;
  if (!entryNews && !hired) return decision.nothing('archived, not hired: nothing to report');
  const fact = archivedNews && hired ? `hired@${snapshot.archived!.archivedAt}` : stageEntryKey(snapshot.stage);
  return decision.perform(`report ${hired ? 'the hire' : 'the stage'} to ${settings.platformName}`, {
    interviewId,
    status: { stageId: snapshot.stage.stageId, stageName: snapshot.lookups.stageName, hired },
    fact,
  });
}

export async function reportStatus(report: StatusReport, { opportunityId }: { opportunityId: string }): Promise<string> {
  await partnerActivities<TechInterviewActivities>().techInterviewReportStatus(
    report.interviewId,
    report.status,
    // The platform answers a repeated key with its first answer: the same fact is reported once.
    `tech-interview/${opportunityId}/status/${report.fact}`,
  );
  return `reported interview ${report.interviewId}: stage ${report.status.stageName}${report.status.hired ? ', hired' : ''}`;
}
