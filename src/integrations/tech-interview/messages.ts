// The technical-interview platform's settings and the export process's input and outcome.
import type { InterviewCompleted } from './client';

export interface TechInterviewSettings {
  /** The platform's name: source of the opportunities it exports and prefix of its tags. */
  platformName: string;
  /** Lever user (by email) to act as when the interviewer is not a Lever user. */
  performAsEmail: string;
  /** Stage for new candidates, by id or by name. */
  defaultStage: string;
  /** Export candidates who did not advance, under their pseudonym. */
  exportUnsuccessful: boolean;
}

export interface TechInterviewInput {
  interview: Omit<InterviewCompleted, 'type'>;
  settings: TechInterviewSettings;
}

export interface TechInterviewOutcome {
  status: 'exported' | 'exported-anonymously' | 'not-exported';
  opportunityId?: string;
  performedAs?: string;
  noteWritten?: boolean;
}
