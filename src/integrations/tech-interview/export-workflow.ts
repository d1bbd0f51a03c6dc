// A finished anonymous technical interview. advance: the candidate becomes a Lever opportunity at the
// default stage, created as the interviewer's Lever user (else, or when Lever refuses that user the write,
// as the default user, and the note says so), with the platform as source, plus a note with the scores.
// no_advance: nothing, unless unsuccessful candidates are exported: then an opportunity named by the
// pseudonym, without email, tagged `<Platform>:Anonymous`. The opportunity carries
// `<Platform>:Interview <id>`: Lever is the record of where it came from.
import { isNotFound, leverActivities } from '../kit/activity-proxies';
import { addNoteOnce, ensureOpportunity, performAsUser, recordOutcome, resolveStageId, type PerformAs } from '../kit/lever-writes';
import type { TechInterviewInput, TechInterviewOutcome } from './messages';
import { techInterviewAnonymousTag, techInterviewNoteMarkers, techInterviewTag } from './tags';

export async function techInterviewExport({ interview, settings }: TechInterviewInput): Promise<TechInterviewOutcome> {
  const { interviewId, outcome, candidate, interviewer, scores, feedback, leverPostingId } = interview;
  const platform = settings.platformName;
  const advance = outcome === 'advance';
  if (!advance && !settings.exportUnsuccessful) return recordOutcome<TechInterviewOutcome>({ status: 'not-exported' });

  // The interviewer's Lever user; the default user when there is none, or when Lever refuses the interviewer
  // the write (a role that may not add candidates): looked up only then.
  const lever = leverActivities();
  const interviewerUser = interviewer.leverUserEmail ? await lever.leverActiveUserId(interviewer.leverUserEmail) : null;
  const defaultUser = async (): Promise<PerformAs> => ({ userId: await performAsUser(undefined, settings.performAsEmail) });
  const performAs = interviewerUser ? { userId: interviewerUser, otherwise: defaultUser } : await defaultUser();
  const stage = await resolveStageId(settings.defaultStage);
  const postingId = leverPostingId && (await postingExists(leverPostingId)) ? leverPostingId : undefined;
  // Someone who did not advance is exported under the pseudonym only, whatever the platform sent.
  const named = advance && !candidate.anonymous ? candidate : undefined;
  const pseudonym = candidate.anonymous ? candidate.pseudonym : `${platform} candidate ${interviewId}`;

  const markerTag = techInterviewTag(platform, interviewId);
  const { opportunityId, performedAs = performAs.userId } = await ensureOpportunity(
    { tag: markerTag },
    markerTag,
    {
      name: named ? named.name : pseudonym,
      ...(named ? { emails: [named.email] } : {}),
      ...(named?.linkedinUrl ? { links: [named.linkedinUrl] } : {}),
      stage,
      origin: 'sourced',
      sources: [platform],
      ...(postingId ? { postings: [postingId] } : {}),
      tags: named ? [] : [techInterviewAnonymousTag(platform)],
    },
    performAs,
  );

  const lines = [
    `${platform} technical interview ${interviewId}: ${advance ? 'advance' : 'did not advance'} (interviewer: ${interviewer.name}).`,
    `Scores (1-4): technical ${scores.technical}, communication ${scores.communication}, problem solving ${scores.problemSolving}.`,
    ...(feedback ? [`Feedback: ${feedback}`] : []),
    ...(interviewerUser && performedAs !== interviewerUser
      ? [
          `Added to Lever as ${settings.performAsEmail}: Lever did not let the interviewer's Lever user (${interviewer.leverUserEmail}) add candidates.`,
        ]
      : []),
  ];
  const noteWritten = await addNoteOnce(opportunityId, techInterviewNoteMarkers.scores(interviewId), lines.join('\n'), {
    performAs: performedAs,
  });
  return recordOutcome<TechInterviewOutcome>({
    status: named ? 'exported' : 'exported-anonymously',
    opportunityId,
    performedAs,
    noteWritten,
  });
}

/** The posting named in the callback is a hint: an unknown one is left out rather than failing the export. */
async function postingExists(postingId: string): Promise<boolean> {
  try {
    await leverActivities().leverPostingOwner(postingId);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
